package org.caseclock.simulator.time;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.caseclock.catalogue.time.Span;
import org.caseclock.catalogue.time.WorkingCalendar;

/**
 * When the next activity of a recurring duty is due, the way a RECURRING rule reckons it:
 * with no activity yet ({@code k = 0}) from the entry or reset date, else from the latest one.
 */
@FunctionalInterface
public interface Cadence {

    LocalDate due(LocalDate entry, LocalDate latest, int k, WorkingCalendar calendar);

    /** Intervals as the catalogue writes them, {@code [i0, i1, …]}: {@code i0} from entry, then {@code i_min(k, last)} from the latest. */
    static Cadence of(String... intervals) {
        List<Span> steps = Arrays.stream(intervals).map(Span::parse).toList();
        return (entry, latest, k, calendar) -> k == 0
                ? steps.get(0).addTo(entry, calendar)
                : steps.get(Math.min(k, steps.size() - 1)).addTo(latest, calendar);
    }
}
