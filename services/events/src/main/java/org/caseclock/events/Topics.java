package org.caseclock.events;

/**
 * Every Kafka topic name, in one place, so producers and consumers in different services cannot drift.
 * Which service creates a topic is noted beside it: the creator declares it at start-up.
 */
public final class Topics {

    private Topics() {}

    /** Accepted case events, key = subject, value = the event as CloudEvents structured JSON. Created by ingest. */
    public static final String CASE_EVENTS = "case-events";

    /** Events that failed the contract, with the reason in a header. Created by ingest. */
    public static final String CASE_EVENTS_DLQ = "case-events.dlq";

    /** Raised and resolved alerts. Created by the engine. */
    public static final String ALERTS = "alerts";

    /** Per-subject compliance items. Created by the engine. */
    public static final String COMPLIANCE_ITEMS = "compliance-items";

    /** Indicator values per scope. Created by the engine. */
    public static final String INDICATOR_VALUES = "indicator-values";

    /** The engine's running counts of events accepted and applied, per partition. Created by the engine. */
    public static final String ENGINE_PROGRESS = "engine-progress";
}
