package org.caseclock.events;

/**
 * Every Kafka topic name, in one place, so producers and consumers in different services cannot drift.
 * Which service creates a topic is noted beside it: the creator declares it at start-up.
 */
public final class Topics {

    private Topics() {}

    /** Accepted case events, key = subject, value = the event as CloudEvents structured JSON. Created by ingest. */
    public static final String CASE_EVENTS = "case-events";

    /**
     * Events that failed the contract, with the reason in {@link #ERROR_HEADER}: those ingest
     * rejected over HTTP and those the engine found on {@link #CASE_EVENTS} from direct producers.
     * Its size is the number ever rejected. Created by ingest.
     */
    public static final String CASE_EVENTS_DLQ = "case-events.dlq";

    /** Header of a {@link #CASE_EVENTS_DLQ} record: why it was rejected, naming the field. */
    public static final String ERROR_HEADER = "caseclock.error";

    /** Raised and resolved alerts. Created by the engine. */
    public static final String ALERTS = "alerts";

    /**
     * Records of {@link #ALERTS} the alerts service could not read, as they were, with the
     * binder's exception headers. Created by the alerts service's Kafka binder.
     */
    public static final String ALERTS_DLQ = "alerts.dlq";

    /**
     * The state of every alert notice per channel ({@link org.caseclock.events.out.AlertDelivery}, key = its id,
     * compacted): published by the alerts service at each change, materialised by the query service, so
     * no service reads another's database. Created by the alerts service.
     */
    public static final String ALERT_DELIVERIES = "alert-deliveries";

    /** Per-subject compliance items. Created by the engine. */
    public static final String COMPLIANCE_ITEMS = "compliance-items";

    /** Indicator values per scope. Created by the engine. */
    public static final String INDICATOR_VALUES = "indicator-values";

    /** The engine's running counts of events accepted and applied, per partition. Created by the engine. */
    public static final String ENGINE_PROGRESS = "engine-progress";

    /**
     * The engine's internal contribution deltas, keyed by counter. Only the engine reads it; the
     * query service reads its end offsets to tell when a counter has counted what was sent.
     */
    public static final String CONTRIBUTIONS = "caseclock-engine.contributions";
}
