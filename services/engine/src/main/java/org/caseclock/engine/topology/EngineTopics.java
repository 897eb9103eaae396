package org.caseclock.engine.topology;

import org.caseclock.events.Topics;

/** Every topic and state store the engine reads or writes, in one place (shared topic names from {@link Topics}). */
public final class EngineTopics {

    private EngineTopics() {}

    /** Input: CloudEvents, key = subject. */
    public static final String CASE_EVENTS = Topics.CASE_EVENTS;
    /** Records from direct producers that fail the contract, with the reason in {@link #ERROR_HEADER}. */
    public static final String CASE_EVENTS_DLQ = Topics.CASE_EVENTS_DLQ;
    /** Compacted: key {@code subject|code|itemId}, value the item as now, or a tombstone when it is gone. */
    public static final String COMPLIANCE_ITEMS = Topics.COMPLIANCE_ITEMS;
    /** Compacted: key {@code code|scope|yyyy-MM}, value the counter for that month. */
    public static final String INDICATOR_VALUES = Topics.INDICATOR_VALUES;
    /** Key {@code code|subject|itemId}: an alert raised or resolved. */
    public static final String ALERTS = Topics.ALERTS;
    /** Compacted: key {@code partition-N}, the engine's running counts of events accepted and applied. */
    public static final String ENGINE_PROGRESS = Topics.ENGINE_PROGRESS;
    /** Internal: contribution deltas, re-keyed by {@code code|scope} so each counter has one owner. */
    public static final String CONTRIBUTIONS = Topics.CONTRIBUTIONS;

    public static final String ERROR_HEADER = Topics.ERROR_HEADER;

    public static final class Stores {
        private Stores() {}

        /** Key {@code subject|eventId}: every event received, once per id (retractions included). */
        public static final String HISTORY = "subject-history";
        /** Per subject put off under load: when it is due. */
        public static final String DEFERRED = "deferred";
        /** Per subject: the items, contributions and alerts last published, and its next due instant. */
        public static final String SUBJECT_STATE = "subject-state";
        /** Key {@code 0000001767225600000|subject}: subjects by the instant they next need a look. */
        public static final String DUE_INDEX = "due-index";
        /** Key {@code 0000001767225600000|subject|code}, value {@code subject|code}: items' status changes known in advance, by instant. */
        public static final String FLIP_INDEX = "flip-index";
        /** Key {@code code|scope|yyyy-MM}: that month's totals. */
        public static final String COUNTERS = "counters";
        /** Key {@code code|scope|yyyy-MM}: months changed by a back-fill and not yet published. */
        public static final String COUNTERS_UNPUBLISHED = "counters-unpublished";
        /** Key {@code code|scope}: the latest month the counter has rolled into. */
        public static final String COUNTER_HEADS = "counter-heads";
        /** Per input partition: events accepted, duplicates, rejected, contributions sent. */
        public static final String PROGRESS = "progress";
        /** Per counter partition: contributions counted. */
        public static final String COUNTER_PROGRESS = "counter-progress";
    }
}
