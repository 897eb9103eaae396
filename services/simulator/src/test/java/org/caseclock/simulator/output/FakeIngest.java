package org.caseclock.simulator.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;

/** A stand-in for POST /api/events (API.md) on a free local port: keeps what it receives and answers as told. */
public final class FakeIngest implements AutoCloseable {

    /** One event as received, with the moment it arrived. */
    public record Received(CaseEvent event, Instant at) {}

    private final ObjectMapper mapper = EventJson.mapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableFor = new AtomicInteger();
    private volatile boolean rejectEverything;

    public FakeIngest() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/events", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/events");
    }

    public List<Received> received() {
        return received;
    }

    public List<String> contentTypes() {
        return contentTypes;
    }

    /** The next {@code requests} requests get 503, as while the service restarts. */
    public void unavailableFor(int requests) {
        unavailableFor.set(requests);
    }

    public void rejectEverything() {
        rejectEverything = true;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (unavailableFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 503, "{}");
            return;
        }
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        String[] lines = body.split("\n");
        if (rejectEverything) {
            StringBuilder rejected = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                rejected.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"error\":\"no\"}");
            }
            answer(exchange, 400, "{\"accepted\":0,\"rejected\":[" + rejected + "]}");
            return;
        }
        Instant now = Instant.now();
        for (String line : lines) {
            received.add(new Received(mapper.readValue(line, CaseEvent.class), now));
        }
        answer(exchange, 202, "{\"accepted\":" + lines.length + ",\"rejected\":[]}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
