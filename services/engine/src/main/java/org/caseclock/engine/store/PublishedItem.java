package org.caseclock.engine.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.caseclock.engine.rules.Item;
import org.caseclock.engine.rules.Status;

/** An item as published on {@code compliance-items}: the item with its subject and service ({@code days}: AVERAGE's measure). */
public record PublishedItem(
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
        Long days,
        Instant updatedAt) {

    public static PublishedItem of(String subject, Item item, String service, Instant updatedAt) {
        return new PublishedItem(subject, item.code(), item.itemId(), item.status(), item.team(), service, item.worker(),
                item.entryDate(), item.lastActivity(), item.due(), item.deadline(), item.refDate(), item.period(), item.days(), updatedAt);
    }

    public String key() {
        return subject + "|" + code + "|" + itemId;
    }

    /** Whether two versions say the same thing (updatedAt aside), so nothing is re-published needlessly. */
    public boolean sameAs(PublishedItem o) {
        return o != null && withUpdatedAt(null).equals(o.withUpdatedAt(null));
    }

    private PublishedItem withUpdatedAt(Instant t) {
        return new PublishedItem(subject, code, itemId, status, team, service, worker, entryDate, lastActivity, due,
                deadline, refDate, period, days, t);
    }
}
