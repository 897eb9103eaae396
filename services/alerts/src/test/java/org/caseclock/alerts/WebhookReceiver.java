package org.caseclock.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on loopback that records every request and can be told to fail some. Public,
 * in the test jar, for the all-in-one app's crash test, where it outlives the app it receives from.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Request(String alertId, String notice, String signature, String deliveryId, byte[] body, int status) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/hooks/caseclock";

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var json = JSON.readTree(body);
            String alertId = json.path("alert").path("id").asText();
            AtomicInteger failing = failures.get(alertId);
            int status = failing != null && failing.getAndDecrement() > 0 ? 500 : 200;
            requests.add(new Request(alertId, json.path("notice").asText(),
                    exchange.getRequestHeaders().getFirst("X-Caseclock-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Caseclock-Delivery"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The next {@code times} requests about this alert are answered 500. */
    public void failNext(String alertId, int times) {
        failures.put(alertId, new AtomicInteger(times));
    }

    public List<Request> requests(String alertId) {
        return requests.stream().filter(r -> r.alertId().equals(alertId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
