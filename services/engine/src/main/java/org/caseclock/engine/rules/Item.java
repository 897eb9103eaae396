package org.caseclock.engine.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Status;

/**
 * One thing a team can act on, as at an instant: a child's CIN visit, a contact awaiting a
 * decision, a referral in a ratio. {@code period} is the month a period item counts in (null for
 * snapshot items, and for a MILESTONE item referenced by completion that is still open).
 * {@code distinct} is what W1 counts distinct values of (the worker). {@code days}: an AVERAGE
 * item's measure, which it adds to the numerator (null for every other kind).
 */
public record Item(
        String code,
        String itemId,
        Status status,
        String team,
        String worker,
        LocalDate entryDate,
        LocalDate lastActivity,
        LocalDate due,
        Instant deadline,
        LocalDate refDate,
        YearMonth period,
        boolean numerator,
        boolean denominator,
        String distinct,
        Long days) {

    public boolean isSnapshot() {
        return period == null && refDate == null;
    }

    /** The same item under another code (a snapshot's id is its code): a RATE's items are those of its COUNT. */
    public Item withCode(String other) {
        return new Item(other, itemId.equals(code) ? other : itemId, status, team, worker, entryDate, lastActivity, due, deadline, refDate, period,
                numerator, denominator, distinct, days);
    }

    /** As published on compliance-items: with its subject and the team's service, worked out at {@code updatedAt}. */
    public ComplianceItem published(String subject, String service, Instant updatedAt) {
        return new ComplianceItem(subject, code, itemId, status, team, service, worker, entryDate, lastActivity, due, deadline,
                refDate, period, days, updatedAt);
    }
}
