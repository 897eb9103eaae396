package org.caseclock.events.out;

import java.time.Instant;

/**
 * A counter's value for one indicator, scope and month, as the engine publishes it on
 * {@link org.caseclock.events.Topics#INDICATOR_VALUES} (key {@link #key()}, compacted). The engine writes it; the
 * query service keeps it for the scorecard and trends. Schema: {@code schemas/out/IndicatorValue.schema.json}.
 *
 * @param scope as {@link Scope} writes it
 * @param period the month, {@code YYYY-MM}
 * @param firstReportedNumerator what a report at the month's last instant said (with its denominator); null while the month runs
 * @param projectedNumerator the running month's value at its last instant from the events that have happened by now, if nothing
 *        else happens (with its denominator; v1.1); null for a closed month, and in records of an engine from before v1.1
 */
public record IndicatorValue(
        String code,
        String scope,
        String period,
        long numerator,
        long denominator,
        Long firstReportedNumerator,
        Long firstReportedDenominator,
        Long projectedNumerator,
        Long projectedDenominator,
        Instant updatedAt) {

    public static String keyOf(String code, String scope, String period) {
        return code + "|" + scope + "|" + period;
    }

    public String key() {
        return keyOf(code, scope, period);
    }

    /** Whether the figures differ; updatedAt alone is no change worth telling anyone about. */
    public boolean sameFigures(IndicatorValue o) {
        return o != null && numerator == o.numerator && denominator == o.denominator
                && java.util.Objects.equals(firstReportedNumerator, o.firstReportedNumerator)
                && java.util.Objects.equals(firstReportedDenominator, o.firstReportedDenominator)
                && java.util.Objects.equals(projectedNumerator, o.projectedNumerator)
                && java.util.Objects.equals(projectedDenominator, o.projectedDenominator);
    }
}
