package org.caseclock.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.output.FakeIngest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {

    private static final Instant CLOCK = Instant.parse("2026-11-23T12:00:00Z");
    private static final String[] SMALL = {"--open-cases", "40", "--history-months", "2", "--seed", "4"};

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static Options options(Instant clock, String... args) {
        String[] all = new String[SMALL.length + args.length];
        System.arraycopy(SMALL, 0, all, 0, SMALL.length);
        System.arraycopy(args, 0, all, SMALL.length, args.length);
        return Options.parse(all, clock);
    }

    @Test
    void ndjsonHoldsTheHistoryThenTheLiveDaysOneEventALine(@TempDir Path dir) throws Exception {
        // Given an export of the history and three live days
        Path file = dir.resolve("events.ndjson");
        Options options = options(CLOCK, "--ndjson", file.toString(), "--live-days", "3");

        // When it runs
        FileExport.run(new Simulator(options.config()), options, log);

        // Then the file is the history followed by events up to three days on
        List<CaseEvent> written = Files.readAllLines(file).stream().map(RunTest::read).toList();
        List<CaseEvent> history = new Simulator(options.config()).history().toList();
        assertThat(written.subList(0, history.size())).isEqualTo(history);
        assertThat(written.subList(history.size(), written.size())).isNotEmpty()
                .allSatisfy(event -> assertThat(event.recordedInstant()).isAfter(CLOCK).isBefore(CLOCK.plusSeconds(3 * 86_400 + 1)));
    }

    @Test
    void postingBackFillsTheWholeHistoryInBatches() throws Exception {
        try (FakeIngest ingest = new FakeIngest()) {
            // Given a feed that only back-fills, in batches of 200
            Options options = options(CLOCK, "--post", ingest.uri().toString(), "--batch", "200", "--live-hours", "0");

            // When it runs
            new Feed(new Simulator(options.config()), options, log).run();

            // Then the service received the whole history, in order
            List<CaseEvent> history = new Simulator(options.config()).history().toList();
            assertThat(ingest.received()).extracting(FakeIngest.Received::event).isEqualTo(history);
            assertThat(ingest.contentTypes()).hasSize((history.size() + 199) / 200);
        }
    }

    @Test
    void liveSendingCatchesUpFastButNeverSendsAnEventFromTheFuture() throws Exception {
        try (FakeIngest ingest = new FakeIngest()) {
            // Given a history that ended three days ago (so at least one working day), replayed live in about a second
            Instant clock = Instant.now();
            Options options = options(clock, "--open-cases", "400", "--post", ingest.uri().toString(), "--catch-up-days", "3",
                    "--speed", "300000", "--rate", "10000", "--live-hours", "0.0005");
            Simulator simulator = new Simulator(options.config());

            // When it runs
            new Feed(simulator, options, log).run();

            // Then those days were sent live, each event after it had happened
            List<FakeIngest.Received> live = ingest.received().stream()
                    .filter(received -> received.event().recordedInstant().isAfter(options.config().now())).toList();
            assertThat(live).hasSizeGreaterThan(20).allSatisfy(received ->
                    assertThat(received.event().timeInstant()).isBeforeOrEqualTo(received.at()));
            assertThat(simulator.sentUpTo()).isAfter(clock.minusSeconds(3600));
        }
    }

    private static CaseEvent read(String line) {
        try {
            return EventJson.mapper().readValue(line, CaseEvent.class);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
