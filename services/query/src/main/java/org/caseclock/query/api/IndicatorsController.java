package org.caseclock.query.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.events.out.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IndicatorsController {

    record Indicators(String scope, Instant asOf, YearMonth period, List<IndicatorView> indicators) {}

    /** One indicator with its trend, and what it was asked about. */
    record IndicatorDetail(String scope, Instant asOf, YearMonth period, @JsonUnwrapped IndicatorView indicator) {}

    private final Scorecard scorecard;
    private final Catalogue catalogue;
    private final Access access;
    private final KnownScopes known;

    IndicatorsController(Scorecard scorecard, Catalogue catalogue, Access access, KnownScopes known) {
        this.scorecard = scorecard;
        this.catalogue = catalogue;
        this.access = access;
        this.known = known;
    }

    /** Every catalogue indicator, in catalogue order: now, or for the month asked. */
    @GetMapping("/api/indicators")
    Indicators indicators(@RequestParam String scope, @RequestParam(required = false) String period) {
        Scope s = Params.scope(scope);
        YearMonth month = Params.period(period);
        access.aggregates(s);
        known.require(s);
        return new Indicators(s.toString(), scorecard.now(), month, scorecard.all(s, month));
    }

    @GetMapping("/api/indicators/{code}")
    IndicatorDetail indicator(@PathVariable String code, @RequestParam String scope,
                        @RequestParam(required = false) String period, @RequestParam(defaultValue = "13") int months) {
        requireKnown(code);
        Scope s = Params.scope(scope);
        YearMonth month = Params.period(period);
        access.aggregates(s);
        known.require(s);
        IndicatorView view = scorecard.views(List.of(code), s, month, Params.months(months)).get(0);
        return new IndicatorDetail(s.toString(), scorecard.now(), month, view);
    }

    void requireKnown(String code) {
        if (!catalogue.contains(code)) {
            throw new NotFound("no indicator " + code);
        }
    }
}
