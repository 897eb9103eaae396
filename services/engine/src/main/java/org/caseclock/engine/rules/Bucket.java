package org.caseclock.engine.rules;

import java.time.YearMonth;

/**
 * Where a subject's contribution to a counter goes: an indicator, a team, a month, and whether
 * it is the month's value, its revision since first reported (value minus as-first-reported), or
 * (v1.1, the running month only) its projection: the month's value at its last instant if nothing
 * else happens.
 * {@code distinct} is W1's worker (empty for everything else).
 */
public record Bucket(String code, String team, YearMonth month, Part part, String distinct) {

    public enum Part { VALUE, REVISION, PROJECTED }

    public Bucket inMonth(YearMonth other) {
        return new Bucket(code, team, other, part, distinct);
    }
}
