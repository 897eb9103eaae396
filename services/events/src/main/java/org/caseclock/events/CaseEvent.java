package org.caseclock.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One case event: a CloudEvents 1.0 envelope in structured JSON mode.
 *
 * <p>{@code time} and {@code recordedat} keep the sender's offset, because the contract's dates
 * are Europe/London local dates of the instant and the offset is part of what was sent.
 * {@code recordedat} is null only before ingest stamps it with the receipt time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEvent(
        String specversion,
        String id,
        String source,
        EventType type,
        Subject subject,
        OffsetDateTime time,
        OffsetDateTime recordedat,
        String datacontenttype,
        @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        @JsonProperty("data")
        EventData data) {

    public Instant timeInstant() {
        return time.toInstant();
    }

    public Instant recordedInstant() {
        return recordedat == null ? null : recordedat.toInstant();
    }

    /** The same event with {@code recordedat} set to {@code receivedAt} if the sender left it out. */
    public CaseEvent stampedAt(OffsetDateTime receivedAt) {
        if (recordedat != null) {
            return this;
        }
        return new CaseEvent(specversion, id, source, type, subject, time, receivedAt, datacontenttype, data);
    }
}
