package org.caseclock.ingest.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caseclock.events.EventJson;

/** Splits a request body into the events it holds, as its content type says. */
final class RequestBody {

    private static final ObjectMapper READER = EventJson.mapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBody() {}

    /**
     * A JSON body: an array is a batch, anything else one event. A body that is not JSON at all
     * is one event, which the contract then rejects as not JSON.
     */
    static List<Submitted> json(byte[] body) {
        JsonNode json;
        try {
            json = READER.readTree(body);
        } catch (JacksonException e) {
            return List.of(new Submitted.Text(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json == null || json.isMissingNode()) {
            return List.of(new Submitted.Text(body));
        }
        if (json.isArray()) {
            List<Submitted> events = new ArrayList<>(json.size());
            json.forEach(element -> events.add(new Submitted.Parsed(element)));
            return events;
        }
        return List.of(new Submitted.Parsed(json));
    }

    /** One event per line; blank lines are no event, so a trailing newline or spacing costs nothing. */
    static List<Submitted> ndjson(byte[] body) {
        List<Submitted> events = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                if (!blank(body, start, i)) {
                    events.add(new Submitted.Text(Arrays.copyOfRange(body, start, i)));
                }
                start = i + 1;
            }
        }
        return events;
    }

    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
