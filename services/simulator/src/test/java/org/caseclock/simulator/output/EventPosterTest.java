package org.caseclock.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

class EventPosterTest {

    private static final List<CaseEvent> EVENTS = new Simulator(SimulatorConfig.defaults(1, Instant.parse("2026-11-23T12:00:00Z"))
            .withOpenCases(20).withHistory(Period.ofMonths(1))).history().limit(120).toList();

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void aBatchIsPostedAsNdjsonOneEventALineAndCountedAsAccepted() throws Exception {
        try (FakeIngest ingest = new FakeIngest()) {
            // Given a poster to the ingest endpoint
            EventPoster poster = new EventPoster(ingest.uri(), log);

            // When two batches are posted
            poster.post(EVENTS.subList(0, 100));
            poster.post(EVENTS.subList(100, 120));

            // Then the service got every event as sent, as application/x-ndjson
            assertThat(ingest.received()).extracting(FakeIngest.Received::event).isEqualTo(EVENTS);
            assertThat(ingest.contentTypes()).containsOnly("application/x-ndjson");
            assertThat(poster.accepted()).isEqualTo(120);
            assertThat(poster.rejected()).isZero();
        }
    }

    @Test
    void aServiceThatIsBrieflyUnavailableIsRetried() throws Exception {
        try (FakeIngest ingest = new FakeIngest()) {
            // Given a service answering 503 to the first request
            ingest.unavailableFor(1);
            EventPoster poster = new EventPoster(ingest.uri(), log);

            // When a batch is posted
            poster.post(EVENTS.subList(0, 10));

            // Then it arrived on the retry, and the wait was reported
            assertThat(ingest.received()).hasSize(10);
            assertThat(logged.toString(StandardCharsets.UTF_8)).contains("retrying");
        }
    }

    @Test
    void rejectionsAreCountedAndTheFirstFewShown() throws Exception {
        try (FakeIngest ingest = new FakeIngest()) {
            // Given a service that rejects everything
            ingest.rejectEverything();
            EventPoster poster = new EventPoster(ingest.uri(), log);

            // When a batch is posted
            poster.post(EVENTS.subList(0, 10));

            // Then every event counts as rejected and five are shown
            assertThat(poster.rejected()).isEqualTo(10);
            assertThat(poster.accepted()).isZero();
            assertThat(logged.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("rejected:"))).hasSize(5);
        }
    }
}
