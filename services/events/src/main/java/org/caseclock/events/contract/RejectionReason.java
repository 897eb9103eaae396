package org.caseclock.events.contract;

import java.util.Locale;

/**
 * A short, bounded category for a rejected event, safe to use as a metric tag or a Kafka header:
 * unlike the error message it never carries a value from the event.
 */
public enum RejectionReason {
    NOT_JSON,
    NOT_CLOUDEVENT,
    UNKNOWN_TYPE,
    BAD_SUBJECT,
    MISSING_FIELD,
    BAD_ENUM,
    BAD_DATE,
    BAD_VALUE,
    FUTURE_TIME,
    /** Rejected by a reader for its own reasons, outside the contract's schemas. */
    OTHER;

    /** The category as written in metrics and headers, e.g. {@code missing_field}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
