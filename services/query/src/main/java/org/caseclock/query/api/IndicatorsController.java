package org.caseclock.query.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Definition;
import org.caseclock.catalogue.Organisation;
import org.caseclock.events.out.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IndicatorsController {

    record Indicators(String scope, Instant asOf, YearMonth period, List<IndicatorView> indicators) {}

    /**
     * One indicator with its trend, and what it was asked about; what it counts in words (from the catalogue, with
     * the authority's overrides); and its value in each team of the scope (the seeds' area columns; none for a team).
     */
    record IndicatorDetail(String scope, Instant asOf, YearMonth period, @JsonUnwrapped IndicatorView indicator,
                           Definition definition, List<TeamValue> breakdown) {}

    /** The indicator's value in one team, as its own scorecard shows it. */
    record TeamValue(String scope, Double value, Long numerator, Long denominator, Rag rag) {}

    private final Scorecard scorecard;
    private final Catalogue catalogue;
    private final Access access;
    private final KnownScopes known;

    private final Organisation organisation;

    IndicatorsController(Scorecard scorecard, Catalogue catalogue, Access access, KnownScopes known, Organisation organisation) {
        this.organisation = organisation;
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
        List<TeamValue> breakdown = known.teamsIn(s, organisation).stream().map(team -> {
            IndicatorView t = scorecard.views(List.of(code), Scope.team(team), month, 0).get(0);
            return new TeamValue(Scope.team(team).toString(), t.value(), t.numerator(), t.denominator(), t.rag());
        }).toList();
        return new IndicatorDetail(s.toString(), scorecard.now(), month, view, Definition.of(catalogue.get(code)), breakdown);
    }

    void requireKnown(String code) {
        if (!catalogue.contains(code)) {
            throw new NotFound("no indicator " + code);
        }
    }
}
