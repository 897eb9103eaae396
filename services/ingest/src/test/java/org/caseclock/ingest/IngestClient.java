package org.caseclock.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Posts to a running ingest over real HTTP, as a case management system would; with a bearer token if given. */
record IngestClient(int port, String token) {

    IngestClient(int port) {
        this(port, null);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {}

    Answer post(String contentType, String body) {
        return post(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Answer post(String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : read(response.body()));
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build()).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** A valid VisitRecorded; {@code data} replaces the valid payload when given. */
    static String visit(String id, String subject) {
        return event(id, "VisitRecorded", subject, "{\"visitId\":\"V1\",\"childSeen\":true}");
    }

    static String event(String id, String type, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"test","type":"%s","subject":"%s",\
                "time":"2026-01-15T10:30:00Z","data":%s}""".formatted(id, type, subject, data);
    }

    /** An event with no data member at all, as CloudEvents 1.0 allows. */
    static String withoutData(String id, String type, String subject) {
        return """
                {"specversion":"1.0","id":"%s","source":"test","type":"%s","subject":"%s",\
                "time":"2026-01-15T10:30:00Z"}""".formatted(id, type, subject);
    }
}
