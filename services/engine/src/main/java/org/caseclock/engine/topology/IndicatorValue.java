package org.caseclock.engine.topology;

import java.time.Instant;

/**
 * A counter's value for a month, as published on {@code indicator-values}. The first-reported
 * pair is null for the month still running: it is what a report at the month's last instant said.
 */
public record IndicatorValue(
        String code,
        String scope,
        String period,
        long numerator,
        long denominator,
        Long firstReportedNumerator,
        Long firstReportedDenominator,
        Instant updatedAt) {

    public String key() {
        return code + "|" + scope + "|" + period;
    }
}
