package org.caseclock.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import org.caseclock.catalogue.Indicator;

/**
 * One indicator in a scope for a month, as the API shows it.
 *
 * @param group the catalogue's section of the indicator (e.g. {@code early-help}, {@code cin-cp}),
 *              the seeds' headings the dashboard groups by
 * @param value a fraction for percentages, a plain number for counts (W1: the average caseload;
 *              W3: the most cases one worker holds), days for AVERAGE, per 10,000 children for RATE;
 *              null with no data or a zero denominator
 * @param change value minus previous (fractions for percentages); null when either is missing
 * @param asFirstReported present only when a month was asked for and late events have revised it
 *              since it closed; it may then be null (the month had no value when it closed),
 *              hence Optional: absent field versus a field holding null
 * @param trend present only where asked for, oldest month first
 * @param tooFew true (else absent) when a percentage rests on fewer cases than
 *              caseclock.query.rag-min-denominator: its RAG is then withheld as GREY
 * @param soFar true (else absent) when the value is of a month still running for a period
 *              indicator: the month so far, not comparable with a whole month
 * @param notAvailable the reason (else absent) when the data source cannot feed this indicator
 *              (caseclock.query.not-available): its figures are not a real 0
 * @param comparators the code's published comparators as configured (else absent)
 * @param projectedMonthEnd without a period only (else absent): the running month's value at its
 *              last instant if nothing else is done, with the number of items at risk
 * @param units what the numerator and denominator count, as the catalogue names them (else absent):
 *              W1's "cases" and "workers"
 */
public record IndicatorView(
        String code,
        String name,
        String group,
        Indicator.Kind kind,
        Double value,
        Long numerator,
        Long denominator,
        Double target,
        Indicator.Better better,
        Rag rag,
        Double previous,
        Double change,
        @JsonInclude(JsonInclude.Include.NON_NULL) Optional<Double> asFirstReported,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TrendPoint> trend,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean tooFew,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean soFar,
        @JsonInclude(JsonInclude.Include.NON_NULL) String notAvailable,
        @JsonInclude(JsonInclude.Include.NON_NULL) java.util.Map<String, Object> comparators,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProjectedMonthEnd projectedMonthEnd,
        @JsonInclude(JsonInclude.Include.NON_NULL) Indicator.Units units) {

    /**
     * The projection (INDICATORS.md, "Projected month end"): value, numerator and denominator as
     * for the value, and its RAG as the value's; {@code atRisk} the number of items not overdue
     * now that will be by month end if nothing is done, null for the kinds that have none (all
     * but RECURRING and MILESTONE). Every field is always given, null where there is nothing.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProjectedMonthEnd(Double value, Long numerator, Long denominator, Rag rag, Long atRisk) {}

    /** One month of a trend. */
    public record TrendPoint(String period, Double value, Long numerator, Long denominator) {}
}
