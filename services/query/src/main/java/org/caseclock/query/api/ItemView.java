package org.caseclock.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Set;
import org.caseclock.query.store.ItemStore;
import org.caseclock.query.store.StoredItem;

/**
 * An item in a list ({@code days}: an AVERAGE item's measure, else absent). {@code daysOverdue} is worked out when read, from {@code due} and today's
 * London date, so a list is right today even if nothing about the item has changed since.
 */
public record ItemView(
        String subject,
        String code,
        String itemId,
        String team,
        String service,
        String worker,
        String status,
        LocalDate entryDate,
        LocalDate lastActivity,
        LocalDate due,
        Instant deadline,
        LocalDate refDate,
        YearMonth period,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long days,
        long daysOverdue) {

    /** Still waiting for their activity; a completed, cancelled or counted item is overdue no longer. */
    private static final Set<String> OPEN = Set.of(ItemStore.OVERDUE, ItemStore.DUE_SOON, ItemStore.IN_TIME, ItemStore.PENDING);

    /** Most overdue first; then the earliest due, the earliest deadline; then a fixed order. */
    public static final Comparator<ItemView> MOST_OVERDUE_FIRST = Comparator
            .comparingLong(ItemView::daysOverdue).reversed()
            .thenComparing(ItemView::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemView::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemView::subject)
            .thenComparing(ItemView::code)
            .thenComparing(ItemView::itemId);

    /** The items at risk: soonest due first (a deadline's date is its due date); then the earliest deadline, then a fixed order. */
    public static final Comparator<ItemView> SOONEST_DUE_FIRST = Comparator
            .comparing(ItemView::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemView::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ItemView::subject)
            .thenComparing(ItemView::code)
            .thenComparing(ItemView::itemId);

    public static ItemView of(StoredItem i, LocalDate today) {
        long overdue = i.due() != null && OPEN.contains(i.status()) ? Math.max(0, ChronoUnit.DAYS.between(i.due(), today)) : 0;
        return new ItemView(i.subject(), i.code(), i.itemId(), i.team(), i.service(), i.worker(), i.status(),
                i.entryDate(), i.lastActivity(), i.due(), i.deadline(), i.refDate(), i.period(), i.days(), overdue);
    }
}
