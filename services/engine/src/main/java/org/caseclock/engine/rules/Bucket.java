package org.caseclock.engine.rules;

import java.time.YearMonth;

/**
 * Where a subject's contribution to a counter goes: an indicator, a team, a month, and whether
 * it is the month's value or its revision since first reported (value minus as-first-reported).
 * {@code distinct} is W1's worker (empty for everything else).
 */
public record Bucket(String code, String team, YearMonth month, Part part, String distinct) {

    public enum Part { VALUE, REVISION }

    public Bucket inMonth(YearMonth other) {
        return new Bucket(code, team, other, part, distinct);
    }
}
