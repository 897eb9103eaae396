package org.caseclock.ingest.api;

import java.util.List;

/**
 * The answer to {@code POST /api/events}: how many events were accepted, and why each other one
 * was not, by its position in the request (array index, or event line of NDJSON, from 0).
 */
public record IngestResponse(int accepted, List<RejectedEvent> rejected) {

    public record RejectedEvent(int index, String id, String error) {}

    /** For answers that are about the whole request (413, 503), not about single events. */
    public record RequestError(String error) {}
}
