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
        Span minOpen,
        // AVERAGE: where each item's measure starts (absent: the period of care's start), and the rolling window
        Activity measuredFrom,
        Span window,
        // RATE: the COUNT it is built on
        String rateOf,
        // any kind: published comparators, returned by the API as configured
        Map<String, Object> comparators,
        // any kind: what the numerator and denominator count, where a scorecard names them (W1: cases, workers)
        Units units) {

    /** SHARE, AVERAGE and RATE are the v1.1 kinds. */
    public enum Kind { RECURRING, MILESTONE, RATIO, COUNT, SHARE, AVERAGE, RATE }

    public enum Better { higher, lower }

    /** Who a RECURRING rule (or an N-count) is about, as at the instant asked. */
    public enum Population { CIN_PLAN, CP_PLAN, LOOKED_AFTER, LEAVING_CARE, CARER_APPROVED, OPEN_CASE, EARLY_HELP }

    public enum Entry { EPISODE_START, LATER_OF_AGE_AND_EPISODE }

    public enum ActivitiesFrom { EPISODE_START, CASE_OPEN, ANY_TIME }

    /** A case's type for supervision: a CP plan; else a CLA episode or CIN plan; else anything else. */
    public enum CaseType { CP, CLA_OR_CIN, OTHER }

    public enum Reference { OPENED, COMPLETED }

    public enum Measure { OPEN_EPISODE, CASELOAD, MAX_CASELOAD, UNALLOCATED_OPEN, UNALLOCATED_ASSESSMENTS, REPEAT_MISSING_IN_MONTH }

    /** The nouns a scorecard puts after the numerator and the denominator ("41 cases, 3 workers"); either may be absent. */
    public record Units(String numerator, String denominator) {}

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

    /** What opens a MILESTONE item: an event matched by a key field (and data values), or the nth of a type in a month. */
    public record Opens(EventType type, String key, Integer nthInMonth, Map<String, String> where) {
        public Map<String, String> where() {
            return where == null ? Map.of() : where;
        }
    }

    /** OPENING_DATE: the first qualifying event dated on or after the opening's date (CP6). */
    public enum ClosesFrom { OPENING, OPENING_DATE, EPISODE, MONTH_START }

    /** What completes it: the same key, or the first matching event from the episode or month start. */
    public record Closes(EventType type, String key, Map<String, String> where, ClosesFrom from) {
        public Map<String, String> where() {
            return where == null ? Map.of() : where;
        }

        public ClosesFrom from() {
            return from == null ? ClosesFrom.OPENING : from;
        }
    }

    /**
     * RATIO and AVERAGE items: every event of a type (first per key, with the given data values), or
     * one per child and month it occurs in; or, by {@code of}, the cases closed, the episodes of the
     * population ended, or the birthdays (ages) on which the population's episode was open.
     * {@code firstInEpisode}: only the first such event in each period of care (A1).
     */
    public record Items(EventType type, String key, boolean perMonth, Map<String, String> where, ItemsOf of,
                        boolean firstInEpisode) {
        public Map<String, String> where() {
            return where == null ? Map.of() : where;
        }

        public ItemsOf of() {
            return of == null ? ItemsOf.EVENTS : of;
        }
    }

    public enum ItemsOf { EVENTS, CASES_CLOSED, EPISODES_ENDED, BIRTHDAYS }

    /**
     * A RATIO item's or a SHARE subject's condition. The first six are RATIO's of v1; v1.1 adds
     * EH9's EARLY_HELP_OPEN_OR_STARTED_WITHIN, CP15's LASTED, CL2-CL4's LATEST_AROUND (the latest
     * event in [date - within, date + after]), and SHARE's PLACEMENTS_WITHIN (at least {@code atLeast}
     * in (T - within, T]), PLACEMENT_HELD_FOR, SAME_WORKER_FOR and LATEST_WITHIN.
     */
    public enum Test { WHERE, LINKED_EXISTS, EARLIER_WITHIN, EARLIER_EXISTS, STRATEGY_WITHIN, ACTIVITY_BEFORE_MONTH_END,
        EARLY_HELP_OPEN_OR_STARTED_WITHIN, LASTED, LATEST_AROUND,
        PLACEMENTS_WITHIN, PLACEMENT_HELD_FOR, SAME_WORKER_FOR, LATEST_WITHIN }

    public record Condition(Test test, EventType type, String field, String itemField, Span within, Map<String, String> where,
                            Span after, Integer atLeast) {
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
        return kind == Kind.RECURRING || kind == Kind.MILESTONE || kind == Kind.RATIO || kind == Kind.SHARE;
    }

    /** True where a month value is a snapshot as at month end rather than a count of items in the month. */
    public boolean isSnapshot() {
        return kind == Kind.RECURRING || kind == Kind.SHARE || kind == Kind.RATE
                || (kind == Kind.COUNT && measure != Measure.REPEAT_MISSING_IN_MONTH);
    }

    /** A COUNT whose value is the count itself (all but W1, a ratio of cases to workers, and W3, a maximum). */
    public boolean isPlainCount() {
        return kind == Kind.COUNT && !countsDistinctWorkers();
    }

    /** W1's denominator counts distinct workers and W3 is the most one worker holds: neither sums subject by subject. */
    public boolean countsDistinctWorkers() {
        return measure == Measure.CASELOAD || measure == Measure.MAX_CASELOAD;
    }

    /** W3: the most cases one worker holds (numerator), over the workers holding any (denominator). */
    public boolean isMaximum() {
        return measure == Measure.MAX_CASELOAD;
    }

    /** The months an item counts in from its reference month: 36 for a rolling AVERAGE, else 1. */
    public int windowMonths() {
        return window == null ? 1 : window.amount();
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
