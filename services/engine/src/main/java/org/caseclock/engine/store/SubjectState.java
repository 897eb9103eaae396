package org.caseclock.engine.store;

import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Alert;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseclock.engine.rules.Bucket;
import org.caseclock.engine.rules.Flip;
import org.caseclock.engine.rules.SubjectEvaluator.MonthEnd;
import org.caseclock.engine.rules.Tally;

/**
 * What the engine last published for a subject, so the next evaluation publishes only the
 * difference: items by key, contributions by bucket (with the month they were worked out in),
 * alerts by item key, the instant the subject is indexed under in the due index, how many of
 * its events the published results include (so progress can count them as applied, and the next
 * evaluation can tell whether events came since), and each closed month's month-end results (so
 * the next evaluation works out afresh only the months a new event bears on), and the flips
 * indexed for it.
 */
public record SubjectState(
        Map<String, ComplianceItem> items,
        List<Contributed> contributions,
        YearMonth month,
        Map<String, Alert> alerts,
        Instant nextChange,
        int eventsApplied,
        List<StoredMonthEnd> monthEnds,
        List<Flip> flips) {

    public static final SubjectState EMPTY = new SubjectState(Map.of(), List.of(), null, Map.of(), null, 0, List.of(), List.of());

    /**
     * A state stored before month ends and flips were kept reads with none: its next evaluation
     * works the month ends out, and it was put in the due index for its flips' instants then.
     */
    public SubjectState {
        monthEnds = monthEnds == null ? List.of() : monthEnds;
        flips = flips == null ? List.of() : flips;
    }

    /** Maps with record keys do not survive JSON, so contributions are stored as a list. */
    public record Contributed(Bucket bucket, Tally tally) {

        static List<Contributed> listOf(Map<Bucket, Tally> tallies) {
            return tallies.entrySet().stream().map(e -> new Contributed(e.getKey(), e.getValue())).toList();
        }

        static Map<Bucket, Tally> mapOf(List<Contributed> list) {
            Map<Bucket, Tally> map = new HashMap<>();
            list.forEach(c -> map.put(c.bucket(), c.tally()));
            return map;
        }
    }

    /** {@link MonthEnd} as stored, its maps as lists. */
    public record StoredMonthEnd(YearMonth month, List<Contributed> value, List<Contributed> revision) {

        public static StoredMonthEnd of(MonthEnd m) {
            return new StoredMonthEnd(m.month(), Contributed.listOf(m.value()), Contributed.listOf(m.revision()));
        }

        public MonthEnd toMonthEnd() {
            return new MonthEnd(month, Contributed.mapOf(value), Contributed.mapOf(revision));
        }
    }
}
