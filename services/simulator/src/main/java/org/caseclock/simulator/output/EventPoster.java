package org.caseclock.simulator.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;

/**
 * Sends batches to the ingest endpoint as {@code application/x-ndjson} (API.md). A batch is
 * retried while the service is unreachable or answers 5xx, since a back-fill should survive a
 * restart of the service; rejected events are reported, as they mean the simulator is wrong.
 */
public final class EventPoster {

    private static final int ATTEMPTS = 8;
    private static final int REJECTIONS_SHOWN = 5;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = EventJson.mapper();
    private final Ndjson ndjson = new Ndjson();
    private final URI endpoint;
    private final PrintStream log;
    private long accepted;
    private long rejected;

    public EventPoster(URI endpoint, PrintStream log) {
        this.endpoint = endpoint;
        this.log = log;
    }

    /** @return the ids of the events ingest rejected (none, for a batch that passed the contract) */
    public List<String> post(List<CaseEvent> batch) throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return List.of();
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.lines(batch)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200 && response.statusCode() != 202 && response.statusCode() != 400) {
            throw new IOException("POST " + endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
        return count(response.body(), batch.size());
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return rejected;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return response;
                }
                last = new IOException("POST " + endpoint + " answered " + response.statusCode());
            } catch (IOException e) {
                last = e;
            }
            long wait = Math.min(30_000, 250L << (attempt - 1));
            log.printf("POST %s failed (%s); retrying in %.1f s%n", endpoint, last.getMessage(), wait / 1000.0);
            Thread.sleep(wait);
        }
        throw last;
    }

    private List<String> count(String body, int sent) throws IOException {
        JsonNode answer = mapper.readTree(body.isBlank() ? "{}" : body);
        JsonNode rejections = answer.path("rejected");
        accepted += answer.path("accepted").asLong(sent - rejections.size());
        rejected += rejections.size();
        for (int i = 0; i < Math.min(REJECTIONS_SHOWN, rejections.size()); i++) {
            log.println("rejected: " + rejections.get(i));
        }
        List<String> ids = new ArrayList<>(rejections.size());
        rejections.forEach(r -> ids.add(r.path("id").asText(null)));
        return ids;
    }
}
