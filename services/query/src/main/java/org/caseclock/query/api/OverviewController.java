package org.caseclock.query.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.catalogue.Indicator;
import org.caseclock.events.out.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/overview}: the seeds' "going well / ones to watch / things to do better" for a
 * scope, over the indicators with a target and a current value (INDICATORS.md "Comparators,
 * projection and overview"), each with one plain English sentence.
 */
@RestController
class OverviewController {

    /** INDICATORS.md: an AMBER improved by this much (percentage points, or this share of a numeric target) is going well. */
    private static final double IMPROVED_BY = 0.05;
    private static final double ROUNDING = 1e-9;

    record Entry(@JsonUnwrapped IndicatorView indicator, String sentence) {}

    record Overview(String scope, Instant asOf, List<Entry> goingWell, List<Entry> onesToWatch, List<Entry> toDoBetter) {}

    private final Scorecard scorecard;
    private final Access access;
    private final KnownScopes known;

    OverviewController(Scorecard scorecard, Access access, KnownScopes known) {
        this.scorecard = scorecard;
        this.access = access;
        this.known = known;
    }

    @GetMapping("/api/overview")
    Overview overview(@RequestParam String scope) {
        Scope s = Params.scope(scope);
        access.aggregates(s);
        known.require(s);
        List<Entry> goingWell = new ArrayList<>();
        List<Entry> onesToWatch = new ArrayList<>();
        List<Entry> toDoBetter = new ArrayList<>();
        for (IndicatorView v : scorecard.all(s, null)) {
            if (v.target() == null || v.value() == null || v.rag() == Rag.GREY) {
                continue;
            }
            Entry entry = new Entry(v, sentence(v));
            Double improvement = improvement(v);
            if (v.rag() == Rag.RED || (v.rag() == Rag.AMBER && improvement != null && improvement < -ROUNDING)) {
                toDoBetter.add(entry);
            } else if (v.rag() == Rag.GREEN || (improvement != null && improvement >= enough(v) - ROUNDING)) {
                goingWell.add(entry);
            } else {
                onesToWatch.add(entry);
            }
        }
        return new Overview(s.toString(), scorecard.now(), goingWell, onesToWatch, toDoBetter);
    }

    /** The change since last month in the indicator's better direction (positive: better); null without one. */
    private static Double improvement(IndicatorView v) {
        if (v.change() == null) {
            return null;
        }
        return v.better() == Indicator.Better.lower ? -v.change() : v.change();
    }

    /** 5 percentage points for a percentage; 5% of the target for a number. */
    private static double enough(IndicatorView v) {
        return isPercentage(v) ? IMPROVED_BY : Math.abs(v.target()) * IMPROVED_BY;
    }

    private static boolean isPercentage(IndicatorView v) {
        return v.kind() == Indicator.Kind.RECURRING || v.kind() == Indicator.Kind.MILESTONE
                || v.kind() == Indicator.Kind.RATIO || v.kind() == Indicator.Kind.SHARE;
    }

    /** "CIN visited within 4 weeks: 89% (41 of 46), up 3pp on last month, target 95%". */
    static String sentence(IndicatorView v) {
        boolean pct = isPercentage(v);
        String unit = v.kind() == Indicator.Kind.AVERAGE ? " days" : "";
        StringBuilder out = new StringBuilder(v.name()).append(": ").append(figure(v.value(), pct)).append(unit);
        if (pct && v.numerator() != null && v.denominator() != null) {
            out.append(" (").append(v.numerator()).append(" of ").append(v.denominator()).append(")");
        }
        if (v.change() == null) {
            out.append(", no figure for last month");
        } else {
            double shown = pct ? Math.round(v.change() * 100) : round(v.change());
            String amount = pct ? figure(Math.abs(shown), false) + "pp" : figure(Math.abs(shown), false) + unit;
            out.append(shown == 0 ? ", no change" : (shown > 0 ? ", up " : ", down ") + amount).append(" on last month");
        }
        return out.append(", target ").append(figure(v.target(), pct)).append(unit).toString();
    }

    private static String figure(double value, boolean percentage) {
        return percentage ? Math.round(value * 100) + "%" : BigDecimal.valueOf(round(value)).stripTrailingZeros().toPlainString();
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
