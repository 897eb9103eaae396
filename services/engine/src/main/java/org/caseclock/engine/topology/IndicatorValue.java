package org.caseclock.engine.topology;

import java.time.Instant;

/**
 * A counter's value for a month, as published on {@code indicator-values}. The first-reported
 * pair is null for the month still running: it is what a report at the month's last instant said.
 * The projected pair (v1.1) is the running month's only, null for a closed month: the month's value
 * at its last instant from the events that have happened by now, if nothing else happens.
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

    public String key() {
        return code + "|" + scope + "|" + period;
    }
}
