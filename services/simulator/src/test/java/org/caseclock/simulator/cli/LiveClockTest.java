package org.caseclock.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveClockTest {

    private static final Instant WALL = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void simulatedTimeRunsFasterUntilItCatchesUpWithTheWallClockThenKeepsStep() {
        // Given a history that ended an hour ago, replayed at 60 times real speed
        LiveClock clock = new LiveClock(WALL.minus(Duration.ofHours(1)), WALL, 60);

        // When / Then 30 seconds in, 30 simulated minutes have passed
        assertThat(clock.simulated(WALL.plusSeconds(30))).isEqualTo(WALL.minus(Duration.ofMinutes(30)));
        // and from about a minute on it is simply the wall clock
        assertThat(clock.simulated(WALL.plusSeconds(62))).isEqualTo(WALL.plusSeconds(62));
        assertThat(clock.simulated(WALL.plusSeconds(3600))).isEqualTo(WALL.plusSeconds(3600));
    }

    @Test
    void simulatedTimeNeverPassesTheWallClock() {
        LiveClock clock = new LiveClock(WALL, WALL, 1000);
        for (int s = 0; s < 5000; s += 7) {
            assertThat(clock.simulated(WALL.plusSeconds(s))).isBeforeOrEqualTo(WALL.plusSeconds(s));
        }
    }
}
