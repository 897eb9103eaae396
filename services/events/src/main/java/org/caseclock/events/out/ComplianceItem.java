package org.caseclock.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One item of one indicator for one subject, as the engine publishes it on
 * {@link org.caseclock.events.Topics#COMPLIANCE_ITEMS} (key {@link #key()}, compacted; a tombstone when the item
 * is gone). The engine writes it; the query service keeps it for the lists. Schema:
 * {@code schemas/out/ComplianceItem.schema.json}.
 *
 * @param subject the pseudonymous {@code child/{id}} or {@code carer/{id}}
 * @param itemId what makes the item one of its subject's items of this code (a visit cycle, a referral, a month)
 * @param service the team's service, as configured when it was worked out
 * @param due the date by which the activity is due (RECURRING, and a MILESTONE's deadline date)
 * @param deadline the instant a MILESTONE's timescale ends
 * @param refDate the date the item counts in its month by (completion, closure, the reference event)
 * @param period the month the item counts in; null for a snapshot item (counted at every instant it is open)
 * @param days an AVERAGE item's measure in days; absent for the other kinds
 * @param updatedAt when the engine worked this version out
 */
public record ComplianceItem(
        String subject,
        String code,
        String itemId,
        Status status,
        String team,
        String service,
        String worker,
        LocalDate entryDate,
        LocalDate lastActivity,
        LocalDate due,
        Instant deadline,
        LocalDate refDate,
        YearMonth period,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long days,
        Instant updatedAt) {

    public static String keyOf(String subject, String code, String itemId) {
        return subject + "|" + code + "|" + itemId;
    }

    public String key() {
        return keyOf(subject, code, itemId);
    }

    /** Whether two versions say the same thing (updatedAt aside), so nothing is re-published needlessly. */
    public boolean sameAs(ComplianceItem o) {
        return o != null && withUpdatedAt(null).equals(o.withUpdatedAt(null));
    }

    private ComplianceItem withUpdatedAt(Instant t) {
        return new ComplianceItem(subject, code, itemId, status, team, service, worker, entryDate, lastActivity, due,
                deadline, refDate, period, days, t);
    }
}
