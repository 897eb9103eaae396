package org.caseclock.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one app, each run a process of its own ({@link ForkedApp}), fed the same simulated
 * authority's history ({@link AuthorityEvents}): once without interruption, as the reference, and
 * then killed with {@code kill -9} mid back-fill, run on a broker stopped and started under it,
 * and with its read model wiped (it is in memory: a restart wipes it) and rebuilt from the topics.
 * Each ends with every item and month value, and every answer of the API, equal to the
 * reference's, and {@code /api/status} consistent: every event applied, none lost or counted
 * twice. {@code -Dcaseclock.crash.open-cases=N} sizes the authority (60 open cases by default; the
 * larger run of docs/benchmarks.md), and each run's timings are logged.
 */
class CrashRestartTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRestartTest.class);

    static final int OPEN_CASES = Integer.getInteger("caseclock.crash.open-cases", 60);
    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(Math.max(4, OPEN_CASES / 100));

    static AuthorityEvents history;
    static Path referenceData;
    static int referenceKafka;
    static Figures reference;
    /** The reference's accepted minus duplicates: the events the authority sent, once each. */
    static long distinct;

    @TempDir
    static Path temp;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        history = AuthorityEvents.of(OPEN_CASES, 200);
        referenceData = Files.createDirectory(temp.resolve("reference"));
        referenceKafka = ForkedApp.freePort();
        try (ForkedApp app = ForkedApp.app("reference", referenceData, referenceKafka)) {
            Instant start = Instant.now();
            app.startAndAwaitUp();
            Instant up = Instant.now();
            for (String batch : history.batches) {
                assertThat(accepted(app, batch)).as("a batch of the reference run accepted").isTrue();
            }
            JsonNode status = app.awaitStatus(s -> number(s, "applied") == history.events && number(s, "accepted") == history.events,
                    SETTLE_TIMEOUT);
            log.info("Reference run: {} open cases, {} events: up in {} s, all applied {} s after that; status {}",
                    OPEN_CASES, history.events, Duration.between(start, up).toSeconds(), Duration.between(up, Instant.now()).toSeconds(),
                    status);
            distinct = number(status, "accepted") - number(status, "duplicates");
            reference = Figures.of(app, bootstrap(referenceKafka));
            app.stop();
        }
        assertThat(reference.items()).as("the reference run's items").isNotEmpty();
        assertThat(reference.values()).as("the reference run's month values").isNotEmpty();
    }

    @Test
    void givenTwoThirdsOfABackFillAccepted_whenTheAppIsKilledAndRestartedOnItsDataAndTheUnansweredBatchesSentAgain_thenEveryItemAndMonthValueIsTheUninterruptedRunsAndEveryEventIsAppliedOnce()
            throws Exception {
        // Given the app back-filling the history, posted as fast as ingest takes it, two thirds of it accepted
        Path data = Files.createDirectory(temp.resolve("killed"));
        int kafka = ForkedApp.freePort();
        AtomicInteger answered = new AtomicInteger();
        JsonNode atKill;
        try (ForkedApp app = ForkedApp.app("killed-mid-backfill", data, kafka).startAndAwaitUp()) {
            Thread poster = new Thread(() -> postUntilOneFails(app, answered), "poster");
            poster.start();
            while (answered.get() < history.batches.size() * 2 / 3 && poster.isAlive()) {
                ForkedApp.sleep(10);
            }
            atKill = app.get("/api/status");

            // When it is killed with SIGKILL mid back-fill, a batch in flight
            app.kill();
            poster.join();
        }
        log.info("Killed mid back-fill: {} of {} batches answered, status just before the kill {}", answered.get(),
                history.batches.size(), atKill);
        assertThat(answered.get()).as("batches answered before the kill").isLessThan(history.batches.size());

        // and restarted on the same data directory, and sent every batch it had not answered
        try (ForkedApp app = ForkedApp.app("killed-mid-backfill", data, kafka)) {
            Instant start = Instant.now();
            app.startAndAwaitUp();
            for (String batch : history.batches.subList(answered.get(), history.batches.size())) {
                assertThat(accepted(app, batch)).as("a batch sent again after the restart accepted").isTrue();
            }
            JsonNode status = app.awaitStatus(settled(), SETTLE_TIMEOUT);
            log.info("Restarted after the kill: every event applied {} s after the restart; status {}",
                    Duration.between(start, Instant.now()).toSeconds(), status);

            // Then every event was applied, and every item and month value is the uninterrupted run's
            assertConsistent(status);
            assertThat(Figures.of(app, bootstrap(kafka)).differencesFrom(reference)).isEmpty();
            app.stop();
        }
    }

    @Test
    void givenEventsPostedSteadily_whenTheBrokerIsStoppedAndStartedUnderThem_thenEveryItemAndMonthValueIsTheUninterruptedRunsAndEveryEventIsAppliedOnce()
            throws Exception {
        // Given the app on a broker in a process of its own, and the history posted a batch at a time, a
        // batch not answered 2xx sent again, as a case system would
        Path data = Files.createDirectory(temp.resolve("broker-restart"));
        int kafka = ForkedApp.freePort();
        AtomicInteger answered = new AtomicInteger();
        try (ForkedApp broker = ForkedApp.broker("broker", data.resolve("kafka"), kafka).start()) {
            awaitListening(kafka);
            try (ForkedApp app = ForkedApp.app("on-stopped-broker", data, kafka, "spring.kafka.bootstrap-servers=" + bootstrap(kafka))
                    .startAndAwaitUp()) {
                Thread poster = new Thread(() -> postPacedWithRetries(app, answered), "poster");
                poster.start();
                while (answered.get() < history.batches.size() / 3 && poster.isAlive()) {
                    ForkedApp.sleep(50);
                }

                // When the broker is stopped while batches are still coming, and started again 5 s later
                assertThat(answered.get()).as("batches answered before the broker stops").isLessThan(history.batches.size());
                broker.stop();
                log.info("Broker stopped after {} of {} batches", answered.get(), history.batches.size());
                ForkedApp.sleep(5_000);
                broker.start();
                awaitListening(kafka);
                log.info("Broker started again, {} batches answered", answered.get());
                poster.join(SETTLE_TIMEOUT.toMillis());
                assertThat(answered.get()).as("every batch answered in the end").isEqualTo(history.batches.size());

                // Then every event was applied, and every item and month value is the uninterrupted run's
                JsonNode status = app.awaitStatus(settled(), SETTLE_TIMEOUT);
                log.info("After the broker's restart: status {}", status);
                assertConsistent(status);
                assertThat(Figures.of(app, bootstrap(kafka)).differencesFrom(reference)).isEmpty();
                app.stop();
            }
            broker.stop();
        }
    }

    @Test
    void givenTheUninterruptedRunsData_whenItsInMemoryReadModelIsWipedByARestartAndRebuiltFromTheTopics_thenEveryAnswerIsAsBefore()
            throws Exception {
        // Given the reference run's data directory, its app stopped: its read model, in memory, is gone
        try (ForkedApp app = ForkedApp.app("read-model-rebuilt", referenceData, referenceKafka)) {
            // When it starts again and the query side has read the topics back
            Instant start = Instant.now();
            app.startAndAwaitUp();
            JsonNode status = app.awaitStatus(settled(), SETTLE_TIMEOUT);
            log.info("Read model rebuilt {} s after the restart; status {}", Duration.between(start, Instant.now()).toSeconds(), status);

            // Then every answer of the API, and the topics it was rebuilt from, are as before
            assertConsistent(status);
            assertThat(Figures.of(app, bootstrap(referenceKafka)).differencesFrom(reference)).isEmpty();
            app.stop();
        }
    }

    /** Every event the authority sent is accepted and applied; what was sent twice is counted as a duplicate. */
    private static Predicate<JsonNode> settled() {
        return s -> number(s, "applied") == number(s, "accepted") && number(s, "accepted") - number(s, "duplicates") == distinct;
    }

    private static void assertConsistent(JsonNode status) {
        assertThat(number(status, "applied")).as("applied = accepted: " + status).isEqualTo(number(status, "accepted"));
        assertThat(number(status, "accepted") - number(status, "duplicates")).as("accepted once each: " + status).isEqualTo(distinct);
        assertThat(number(status, "lagEvents")).as("lag: " + status).isZero();
    }

    /** Posts the batches in order until one is not answered (the app was killed); counts those answered. */
    private static void postUntilOneFails(ForkedApp app, AtomicInteger answered) {
        for (String batch : history.batches) {
            try {
                if (!accepted(app, batch)) {
                    return;
                }
            } catch (IOException | InterruptedException e) {
                return;
            }
            answered.incrementAndGet();
        }
    }

    /** Posts each batch until it is answered 2xx, with a short pause after each: a steady flow of live traffic. */
    private static void postPacedWithRetries(ForkedApp app, AtomicInteger answered) {
        for (String batch : history.batches) {
            boolean done = false;
            while (!done) {
                try {
                    done = accepted(app, batch);
                } catch (IOException | InterruptedException e) {
                    done = false;
                }
                ForkedApp.sleep(done ? 50 : 500);
            }
            answered.incrementAndGet();
        }
    }

    /** Whether ingest took the batch (202); a rejected event fails the test, as the history is well-formed. */
    private static boolean accepted(ForkedApp app, String batch) throws IOException, InterruptedException {
        HttpResponse<String> r = app.post(batch);
        if (r.statusCode() == 202 || r.statusCode() == 200) {
            assertThat(ForkedApp.JSON.readTree(r.body()).path("rejected")).as(r.body()).isEmpty();
            return true;
        }
        return false;
    }

    private static long number(JsonNode status, String field) {
        JsonNode n = status.path(field);
        return n.isNumber() ? n.asLong() : -1;
    }

    private static String bootstrap(int kafkaPort) {
        return "127.0.0.1:" + kafkaPort;
    }

    private static void awaitListening(int port) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                ForkedApp.sleep(200);
            }
        }
        throw new AssertionError("nothing listening on " + port);
    }
}
