package org.caseclock.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.SimulatorConfig;
import org.caseclock.simulator.output.Ndjson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The all-in-one app over HTTP, as a client meets it: a running app ({@code bench.url}, process
 * {@code bench.pid}, started by the top-level {@code bench} script with the README's command and
 * no simulator) is sent the seed-42 history of {@code bench.openCases} open cases through
 * {@code POST /api/events}, batches of {@code bench.batch} in turn from one client, and then:
 * ingest rate (events over the time of the POSTs), end to end (events over the time from the
 * first POST until {@code /api/status} has every event applied and every figure final), RSS of
 * the app at that moment, list and scorecard latency, and freshness (POST to the server-sent event).
 */
@Tag("benchmark")
class HttpBenchmark {

    private static final ObjectMapper JSON = EventJson.mapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base = System.getProperty("bench.url", "http://127.0.0.1:8080");

    @Test
    void overHttp() throws Exception {
        int openCases = Integer.getInteger("bench.openCases", 3000);
        int batch = Integer.getInteger("bench.batch", 2000);
        long pid = Long.getLong("bench.pid", -1);
        List<CaseEvent> history = new Simulator(SimulatorConfig.defaults(42, Instant.now()).withOpenCases(openCases))
                .history().toList();
        Ndjson ndjson = new Ndjson();
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < history.size(); from += batch) {
            bodies.add(ndjson.lines(history.subList(from, Math.min(history.size(), from + batch))));
        }

        long accepted = 0;
        long t0 = System.nanoTime();
        for (String body : bodies) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new AssertionError("POST /api/events answered " + r.statusCode() + ": " + r.body());
            }
            accepted += JSON.readTree(r.body()).path("accepted").asLong();
        }
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH ingest: %d events in %d POSTs, %d accepted, in %.1f s%n",
                history.size(), bodies.size(), accepted, ingestSeconds);

        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long nextReport = System.nanoTime();
        JsonNode status;
        while (true) {
            status = get("/api/status");
            long applied = status.path("applied").asLong();
            if (status.path("accepted").asLong() >= accepted && applied >= status.path("accepted").asLong()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not every event applied in 30 minutes: " + status);
            }
            if (System.nanoTime() >= nextReport) {
                System.out.printf("BENCH t=%.0fs %s%n", (System.nanoTime() - t0) / 1e9, status);
                nextReport += Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(200);
        }
        double e2eSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> memory = pid > 0 ? memoryOf(pid) : Map.of();
        System.out.printf("BENCH end to end: every event applied at %.1f s (%s); memory %s%n", e2eSeconds, status, memory);
        BenchOut.figure("ingest_http_events_per_s", accepted / ingestSeconds, "events/s");
        BenchOut.figure("e2e_http_events_per_s", accepted / e2eSeconds, "events/s");
        if (memory.containsKey("VmRSS")) {
            BenchOut.figure("rss_after_backfill_mb", memory.get("VmRSS") / 1024.0, "MB");
        }

        String team = busiestTeam();
        latency("query_overdue_team_p99_ms", "/api/overdue?scope=team/" + team, 1, 200);
        latency("query_overdue_team_4way_p99_ms", "/api/overdue?scope=team/" + team, 4, 100);
        latency("query_overdue_la_p99_ms", "/api/overdue?scope=LA", 1, 100);
        latency("query_indicators_la_p99_ms", "/api/indicators?scope=LA", 1, 100);
        latency("query_indicators_la_4way_p99_ms", "/api/indicators?scope=LA", 4, 50);
        freshness(team, Integer.getInteger("bench.freshnessSamples", 100));
    }

    /** The team with the longest overdue list, so the team figure is the worst team's. */
    private String busiestTeam() throws Exception {
        Map<String, Integer> byTeam = new HashMap<>();
        JsonNode items = get("/api/overdue?scope=LA").path("items");
        items.forEach(i -> byTeam.merge(i.path("team").asText(), 1, Integer::sum));
        String team = byTeam.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        System.out.printf("BENCH lists: LA overdue list %d items; team %s %d items%n", items.size(), team, byTeam.get(team));
        return team;
    }

    /** {@code clients} clients each asking {@code requests} times in turn, after 20 asks to warm up; p99 of all. */
    private void latency(String metric, String path, int clients, int requests) throws Exception {
        for (int i = 0; i < 20; i++) {
            get(path);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> each = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                each.add(pool.submit(() -> {
                    long[] nanos = new long[requests];
                    for (int i = 0; i < requests; i++) {
                        long s = System.nanoTime();
                        get(path);
                        nanos[i] = System.nanoTime() - s;
                    }
                    return nanos;
                }));
            }
            long[] all = new long[clients * requests];
            for (int c = 0; c < clients; c++) {
                System.arraycopy(each.get(c).get(), 0, all, c * requests, requests);
            }
            System.out.printf("BENCH %s: GET %s, %d client(s) x %d%n", metric, path, clients, requests);
            BenchOut.figure(metric, BenchOut.p99Millis(all), "ms");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * POST to server-sent event: a new child registered, allocated to {@code team} and referred,
     * dated a minute ago, posted while {@code /api/stream?scope=LA} is open; the delay is until
     * the first {@code item} event naming that child arrives. One sample at a time, 200 ms apart.
     */
    private void freshness(String team, int samples) throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stream?scope=LA"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().forEach(line -> {
            int at = line.indexOf("BF" + run + "-");
            if (line.startsWith("data:") && at >= 0) {
                String id = line.substring(at).split("[^A-Za-z0-9-]")[0];
                seen.putIfAbsent(id, System.nanoTime());
            }
        }), "bench-sse");
        reader.setDaemon(true);
        reader.start();
        long[] delays = new long[samples];
        try {
            for (int i = 0; i < samples; i++) {
                String child = "BF" + run + "-" + i;
                String time = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
                String body = String.join("\n",
                        event(child, "ChildRegistered", time, "\"birthDate\": \"2015-01-01\""),
                        event(child, "CaseAllocated", time, "\"team\": \"" + team + "\", \"worker\": \"W-BENCH\""),
                        event(child, "ReferralReceived", time, "\"referralId\": \"R-" + child + "\"")) + "\n";
                long sent = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    throw new AssertionError("POST answered " + r.statusCode() + ": " + r.body());
                }
                long until = sent + Duration.ofSeconds(30).toNanos();
                while (!seen.containsKey(child) && System.nanoTime() < until) {
                    Thread.sleep(1);
                }
                if (!seen.containsKey(child)) {
                    throw new AssertionError("no item event for " + child + " within 30 s");
                }
                delays[i] = seen.get(child) - sent;
                Thread.sleep(200);
            }
        } finally {
            stream.body().close();
        }
        System.out.printf("BENCH freshness: %d samples, median %.0f ms, max %.0f ms%n", samples,
                java.util.Arrays.stream(delays).sorted().toArray()[samples / 2] / 1e6,
                java.util.Arrays.stream(delays).max().orElse(0) / 1e6);
        BenchOut.figure("freshness_p99_ms", BenchOut.p99Millis(delays), "ms");
    }

    private static String event(String child, String type, String time, String data) {
        return "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"bench\", \"type\": \""
                + type + "\", \"subject\": \"child/" + child + "\", \"time\": \"" + time + "\", \"data\": {" + data + "}}";
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** VmRSS and VmHWM (peak) of the process, in kB, from /proc. */
    private static Map<String, Long> memoryOf(long pid) throws IOException {
        Map<String, Long> kb = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                kb.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("\\D", "")));
            }
        }
        return kb;
    }
}
