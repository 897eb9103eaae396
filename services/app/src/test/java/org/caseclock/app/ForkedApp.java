package org.caseclock.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java process of its own, started with this test's classpath: the all-in-one app (or, with
 * {@link #broker}, the in-process Kafka broker alone), so a test can stop it for real, with
 * {@code kill -9} ({@link #kill}) or SIGTERM ({@link #stop}). Its output goes to a file under
 * {@code target/forked}, named in every failure.
 */
final class ForkedApp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private ForkedApp(String name, List<String> command, Path log, int port) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /**
     * The all-in-one app on {@code dataDir}, with no simulator, its HTTP port and its broker's
     * port fixed (a restart finds them again), and {@code settings} ({@code key=value}) after.
     */
    static ForkedApp app(String name, Path dataDir, int kafkaPort, String... settings) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--caseclock.local.data-dir=" + dataDir,
                "--caseclock.local.kafka.port=" + kafkaPort,
                "--caseclock.local.mongodb.port=0",
                "--caseclock.simulator.enabled=false"));
        for (String s : settings) {
            args.add("--" + s);
        }
        return new ForkedApp(name, java(CaseclockApplication.class.getName(), args), logFile(name), port);
    }

    /** The in-process Kafka broker alone ({@link BrokerMain}) on {@code port}, its log in {@code dir}. */
    static ForkedApp broker(String name, Path dir, int port) {
        return new ForkedApp(name, java(BrokerMain.class.getName(), List.of(String.valueOf(port), dir.toString())),
                logFile(name), port);
    }

    private static List<String> java(String main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small: several of these run one after the other on a shared 2-core machine.
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                main));
        command.addAll(args);
        return command;
    }

    private static Path logFile(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "forked"));
            return dir.resolve(name + ".log").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process (appending to its log, so a restart's output follows the first run's). */
    ForkedApp start() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Starts it and waits until {@code /api/status} answers. */
    ForkedApp startAndAwaitUp() {
        start();
        awaitStatus(s -> true, START_TIMEOUT);
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the app's own orderly stop. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(name + " did not stop within 2 minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** GET as JSON; throws for anything but 200 (or when nothing answers). */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** POSTs NDJSON to ingest. @return the answer's status code and body */
    HttpResponse<String> post(String ndjson) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/events")).timeout(Duration.ofMinutes(1))
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code /api/status} every 200 ms until {@code done}; fails after {@code timeout}, or at once if the process died. */
    JsonNode awaitStatus(Predicate<JsonNode> done, Duration timeout) {
        return awaitStatus(done, timeout, 200);
    }

    JsonNode awaitStatus(Predicate<JsonNode> done, Duration timeout, long pollMillis) {
        Instant giveUp = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                last = get("/api/status");
                if (done.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                // Not up yet, or restarting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(pollMillis);
        }
        throw new AssertionError(name + ": /api/status not as expected within " + timeout + "; last " + last + "; see " + log);
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
