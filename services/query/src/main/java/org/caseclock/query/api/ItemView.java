package org.caseclock.query.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import org.caseclock.events.out.ComplianceItem;

/**
 * An item in a list: the item as the engine published it (its fields at the top level, so a field added to
 * {@link ComplianceItem} is in the lists with no change here) and {@code daysOverdue}, worked out when read, from
 * {@code due} and today's London date, so a list is right today even if nothing about the item has changed since.
 */
public record ItemView(@JsonUnwrapped ComplianceItem item, long daysOverdue) {

    /** Most overdue first; then the earliest due, the earliest deadline; then a fixed order. */
    public static final Comparator<ItemView> MOST_OVERDUE_FIRST = Comparator
            .comparingLong(ItemView::daysOverdue).reversed()
            .thenComparing(ItemView.soonestDueFirst());

    /** The items at risk: soonest due first (a deadline's date is its due date); then the earliest deadline, then a fixed order. */
    public static final Comparator<ItemView> SOONEST_DUE_FIRST = soonestDueFirst();

    private static Comparator<ItemView> soonestDueFirst() {
        return Comparator.<ItemView, LocalDate>comparing(v -> v.item().due(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(v -> v.item().deadline(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(v -> v.item().subject())
                .thenComparing(v -> v.item().code())
                .thenComparing(v -> v.item().itemId());
    }

    /** Only an open item (still waiting for its activity) is overdue; a completed, cancelled or counted one no longer. */
    public static ItemView of(ComplianceItem i, LocalDate today) {
        long overdue = i.due() != null && i.status().isOpen() ? Math.max(0, ChronoUnit.DAYS.between(i.due(), today)) : 0;
        return new ItemView(i, overdue);
    }
}
