package org.caseclock.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Instant CLOCK = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void withOnlyAnOutputEverythingElseTakesItsDefault() {
        // Given / When
        Options options = Options.parse(new String[] {"--ndjson", "out.ndjson"}, CLOCK);

        // Then the default authority ends its history at the clock
        assertThat(options.ndjson()).isEqualTo(Path.of("out.ndjson"));
        assertThat(options.config()).isEqualTo(SimulatorConfig.defaults(1, CLOCK));
        assertThat(options.batch()).isEqualTo(1000);
        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.liveFor()).isNull();
    }

    @Test
    void everyFlagShapesTheRun() {
        // Given / When
        Options options = Options.parse(new String[] {"--post", "http://localhost:8080/api/events", "--seed", "9",
                "--open-cases", "120", "--history-months", "3", "--authority", "northby", "--lateness", "2",
                "--batch", "50", "--rate", "5", "--speed", "600", "--catch-up-days", "2", "--live-hours", "0.5"}, CLOCK);

        // Then
        SimulatorConfig config = options.config();
        assertThat(options.post()).isEqualTo(URI.create("http://localhost:8080/api/events"));
        assertThat(config.seed()).isEqualTo(9);
        assertThat(config.openCases()).isEqualTo(120);
        assertThat(config.history()).isEqualTo(Period.ofMonths(3));
        assertThat(config.source()).isEqualTo("sim/northby");
        assertThat(config.lateness().of(Activity.CP_VISIT).onTime()).isLessThan(Activity.CP_VISIT.usual().onTime());
        assertThat(options.batch()).isEqualTo(50);
        assertThat(options.rate()).isEqualTo(5);
        assertThat(options.speed()).isEqualTo(600);
        assertThat(options.liveFor()).isEqualTo(Duration.ofMinutes(30));
        // The history ends where the catch-up begins
        assertThat(config.now()).isEqualTo(CLOCK.minus(Duration.ofDays(2)));
    }

    @Test
    void exactlyOneOutputIsRequired() {
        assertThatThrownBy(() -> Options.parse(new String[] {}, CLOCK)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> Options.parse(new String[] {"--ndjson", "a", "--post", "http://x"}, CLOCK))
                .hasMessageContaining("exactly one");
    }

    @Test
    void unknownFlagsMissingValuesAndImpossibleSettingsAreRefused() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--ndjson", "a", "--fast"}, CLOCK)).hasMessageContaining("--fast");
        assertThatThrownBy(() -> Options.parse(new String[] {"--ndjson"}, CLOCK)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--ndjson", "a", "--speed", "0.5"}, CLOCK)).hasMessageContaining("--speed");
        assertThatThrownBy(() -> Options.parse(new String[] {"--ndjson", "a", "--open-cases", "0"}, CLOCK)).hasMessageContaining("--open-cases");
        assertThatThrownBy(() -> Options.parse(new String[] {"--ndjson", "a", "--now", "2026-01-01T10:00:00"}, CLOCK))
                .hasMessageContaining("offset");
    }

    @Test
    void postingAHistoryThatEndsInTheFutureIsRefusedSinceIngestWouldRejectIt() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--post", "http://x", "--now", "2026-11-25T00:00:00Z"}, CLOCK))
                .hasMessageContaining("future");
    }
}
