package org.caseclock.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.caseclock.catalogue.time.Span;
import org.caseclock.events.EventType;

/**
 * One catalogue entry as written in catalogue.yaml. Which fields a kind needs is checked by
 * {@link Catalogue} at start-up so a bad entry fails loudly, not at the first event.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Indicator(
        String code,
        String name,
        String group,
        Kind kind,
        Double target,
        Better better,
        Double tolerance,
        boolean alert,
        // RECURRING
        Population population,
        Activity activity,
        List<Span> intervals,
        List<EventType> resets,
        Ages ages,
        Span minEpisode,
        Entry entry,
        ActivitiesFrom activitiesFrom,
        YoungerInterval youngerInterval,
        Map<CaseType, Span> intervalByCaseType,
        List<CaseType> caseTypes,
        // MILESTONE
        Opens opens,
        Closes closes,
        Span timescale,
        Reference reference,
        boolean cancelWhenEpisodeEnds,
        // RATIO
        Items items,
        Condition condition,
        // COUNT
        Measure measure,
        Integer threshold,
        Span minOpen) {

    public enum Kind { RECURRING, MILESTONE, RATIO, COUNT }

    public enum Better { higher, lower }

    /** Who a RECURRING rule (or an N-count) is about, as at the instant asked. */
    public enum Population { CIN_PLAN, CP_PLAN, LOOKED_AFTER, LEAVING_CARE, CARER_APPROVED, OPEN_CASE }

    public enum Entry { EPISODE_START, LATER_OF_AGE_AND_EPISODE }

    public enum ActivitiesFrom { EPISODE_START, CASE_OPEN, ANY_TIME }

    /** A case's type for supervision: a CP plan; else a CLA episode or CIN plan; else anything else. */
    public enum CaseType { CP, CLA_OR_CIN, OTHER }

    public enum Reference { OPENED, COMPLETED }

    public enum Measure { OPEN_EPISODE, CASELOAD, UNALLOCATED_OPEN, REPEAT_MISSING_IN_MONTH }

    /** An event that counts: its type, and data fields that must have the given values. */
    public record Activity(EventType type, Map<String, String> where) {
        public Map<String, String> where() {
            return where == null ? Map.of() : where;
        }
    }

    /** Inclusive age bounds in whole years; either may be absent. */
    public record Ages(Integer min, Integer max) {}

    /** CLA16: the interval after an assessment made when the child was younger than {@code belowAge}. */
    public record YoungerInterval(int belowAge, Span interval) {}

    /** What opens a MILESTONE item: an event matched by a key field, or the nth of a type in a month. */
    public record Opens(EventType type, String key, Integer nthInMonth) {}

    public enum ClosesFrom { OPENING, EPISODE, MONTH_START }

    /** What completes it: the same key, or the first matching event from the episode or month start. */
    public record Closes(EventType type, String key, Map<String, String> where, ClosesFrom from) {
        public Map<String, String> where() {
            return where == null ? Map.of() : where;
        }

        public ClosesFrom from() {
            return from == null ? ClosesFrom.OPENING : from;
        }
    }

    /** RATIO items: every event of a type (first per key), or one per child and month it occurs in. */
    public record Items(EventType type, String key, boolean perMonth) {}

    public enum Test { WHERE, LINKED_EXISTS, EARLIER_WITHIN, EARLIER_EXISTS, STRATEGY_WITHIN, ACTIVITY_BEFORE_MONTH_END }

    public record Condition(Test test, EventType type, String field, String itemField, Span within, Map<String, String> where) {
        public Map<String, String> where() {
            return where == null ? Map.of() : where;
        }
    }

    public Entry entry() {
        return entry == null ? Entry.EPISODE_START : entry;
    }

    public ActivitiesFrom activitiesFrom() {
        return activitiesFrom == null ? ActivitiesFrom.EPISODE_START : activitiesFrom;
    }

    public List<EventType> resets() {
        return resets == null ? List.of() : resets;
    }

    /** True for indicators whose value is a share (RAG tolerance in percentage points). */
    public boolean isPercentage() {
        return kind != Kind.COUNT;
    }

    /** True where a month value is a snapshot as at month end rather than a count of items in the month. */
    public boolean isSnapshot() {
        return kind == Kind.RECURRING || (kind == Kind.COUNT && measure != Measure.REPEAT_MISSING_IN_MONTH);
    }

    /** A COUNT whose value is the count itself (all but W1, a ratio of cases to workers). */
    public boolean isPlainCount() {
        return kind == Kind.COUNT && !countsDistinctWorkers();
    }

    /** W1's denominator counts distinct workers, so it cannot be summed subject by subject. */
    public boolean countsDistinctWorkers() {
        return measure == Measure.CASELOAD;
    }

    /** Tolerance for AMBER: default 10 percentage points, or 10% of a numeric target. */
    public double effectiveTolerance() {
        if (tolerance != null) {
            return tolerance;
        }
        if (isPercentage()) {
            return 0.10;
        }
        return target == null ? 0 : Math.abs(target) * 0.10;
    }
}
