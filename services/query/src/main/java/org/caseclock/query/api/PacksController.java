package org.caseclock.query.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.time.London;
import org.caseclock.query.api.IndicatorView.TrendPoint;
import org.caseclock.query.config.Packs;
import org.caseclock.events.out.Scope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A weekly performance meeting's indicators: now, RAG, change and the last 13 months. */
@RestController
class PacksController {

    static final int TREND_MONTHS = 13;
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    record Pack(String pack, String scope, Instant asOf, List<IndicatorView> indicators) {}

    private final Packs packs;
    private final Scorecard scorecard;
    private final Access access;
    private final KnownScopes known;

    PacksController(Packs packs, Scorecard scorecard, Access access, KnownScopes known) {
        this.packs = packs;
        this.scorecard = scorecard;
        this.access = access;
        this.known = known;
    }

    @GetMapping("/api/packs/{name}")
    ResponseEntity<?> pack(@PathVariable String name, @RequestParam String scope,
                           @RequestParam(required = false) String format) {
        List<String> codes = packs.codes(name).orElseThrow(() -> new NotFound("no pack " + name));
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw new BadRequest("format must be csv or json");
        }
        Scope s = Params.scope(scope);
        access.aggregates(s);
        known.require(s);
        Pack pack = new Pack(name, s.toString(), scorecard.now(), scorecard.views(codes, s, null, TREND_MONTHS));
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + fileName(pack) + "\"")
                    .body(csv(pack));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pack);
    }

    /** "weekly-team-FAM-1-2026-02-03.csv": the pack, its scope and the London date it is as of. */
    static String fileName(Pack pack) {
        return pack.pack() + "-" + pack.scope().replace('/', '-') + "-" + London.date(pack.asOf()) + ".csv";
    }

    /**
     * One row per indicator, each with the pack's scope and as-of time; the trend spread over one
     * column per month, oldest first, for a chart. Figures as the dashboard shows them: whole
     * percentages ("89%", which spreadsheets read as 0.89) and changes in whole points, counts
     * as they are, W1 to one decimal.
     */
    static String csv(Pack pack) {
        List<String> header = new ArrayList<>(List.of("scope", "as of",
                "code", "name", "value", "numerator", "denominator", "target", "better", "rag", "previous", "change"));
        if (!pack.indicators().isEmpty()) {
            pack.indicators().get(0).trend().forEach(p -> header.add(p.period()));
        }
        StringBuilder out = new StringBuilder();
        row(out, header);
        for (IndicatorView v : pack.indicators()) {
            List<Object> cells = new ArrayList<>(List.of(pack.scope(), pack.asOf().toString(), v.code(), v.name(),
                    figure(v, v.value()), text(v.numerator()), text(v.denominator()), figure(v, v.target()), text(v.better()),
                    v.tooFew() != null ? "too few" : v.rag(), figure(v, v.previous()), changeText(v)));
            for (TrendPoint p : v.trend()) {
                cells.add(figure(v, p.value()));
            }
            row(out, cells);
        }
        return out.toString();
    }

    private static Object figure(IndicatorView v, Double x) {
        if (x == null) {
            return "";
        }
        if (v.kind() != Indicator.Kind.COUNT) {
            return Math.round(x * 100) + "%";
        }
        return x == Math.rint(x) ? String.valueOf((long) (double) x) : String.valueOf(Math.round(x * 10) / 10.0);
    }

    /** Worked from the rounded figures, as on the dashboard: 89% against 88% is 1 (point). */
    private static Object changeText(IndicatorView v) {
        if (v.value() == null || v.previous() == null) {
            return "";
        }
        if (v.kind() != Indicator.Kind.COUNT) {
            return String.valueOf(Math.round(v.value() * 100) - Math.round(v.previous() * 100));
        }
        double d = Math.round((v.value() - v.previous()) * 10) / 10.0;
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
    }

    private static void row(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(String.valueOf(cells.get(i))));
        }
        out.append("\r\n");
    }

    /** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
    private static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
