package org.caseclock.engine.store;

import java.time.YearMonth;
import java.util.List;
import org.caseclock.engine.rules.Bucket.Part;

/**
 * The changes one subject evaluation makes to one indicator's counters, keyed by {@code code}: one
 * record where there would be one per team, service, LA and month, so a back-fill sends a few
 * records per subject rather than hundreds. The counter task that owns the code applies each
 * change to the team's counter and to those of the scopes the team rolls up to. {@code backfill}:
 * the evaluation was put off behind a backlog, so the month values it changes are published once
 * a punctuation rather than once a record.
 */
public record Contribution(String code, List<Change> changes, boolean backfill) {

    public String key() {
        return code;
    }

    /**
     * A change to the counter of {@code team} (and its service and the LA) for {@code month}.
     * {@code carry}: the subject's month-{@code month} snapshot also stands for every later month
     * until it is next evaluated, so a counter that has already rolled past {@code month} applies
     * the change to those months too.
     */
    public record Change(String team, YearMonth month, Part part, String distinct, long numerator, long denominator,
                         boolean carry) {}
}
