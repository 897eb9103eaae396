package org.caseclock.engine.store;

import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Alert;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.caseclock.engine.rules.Bucket;
import org.caseclock.engine.rules.Tally;

/**
 * What the engine last published for a subject, so the next evaluation publishes only the
 * difference: items by key, contributions by bucket (with the month they were worked out in),
 * alerts by item key, the instant the subject is indexed under in the due index, and how many of
 * its events the published results include (so progress can count them as applied).
 */
public record SubjectState(
        Map<String, ComplianceItem> items,
        List<Contributed> contributions,
        YearMonth month,
        Map<String, Alert> alerts,
        Instant nextChange,
        int eventsApplied) {

    public static final SubjectState EMPTY = new SubjectState(Map.of(), List.of(), null, Map.of(), null, 0);

    /** Maps with record keys do not survive JSON, so contributions are stored as a list. */
    public record Contributed(Bucket bucket, Tally tally) {}
}
