package org.caseclock.simulator.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.catalogue.time.London;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.Lateness;
import org.caseclock.simulator.Punctuality;
import org.caseclock.simulator.SimulatorConfig;
import org.caseclock.simulator.sim.Sim;
import org.caseclock.simulator.time.Cadence;
import org.junit.jupiter.api.Test;

class RecurringTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate ENTRY = LocalDate.of(2026, 1, 5);

    private final List<LocalDate> done = new ArrayList<>();

    private Authority authority(Punctuality visits) {
        SimulatorConfig config = SimulatorConfig.defaults(3, NOW).withLateness(Lateness.usual().with(Activity.CLA_VISIT, visits));
        return new Authority(config, new Sim(config, London.startOfDay(ENTRY)));
    }

    private Recurring visits(Authority authority, boolean[] seen) {
        return new Recurring(authority, Cadence.of("7D", "42D"), Activity.CLA_VISIT, (at, k) -> {
            done.add(London.date(at));
            return seen[0];
        });
    }

    private static void runUntil(Authority authority, Instant until) {
        while (authority.sim.nextSentBy(until) != null) {
            // only the agenda matters here
        }
    }

    @Test
    void aPunctualDutyIsNeverOverdueFirstWithinItsFirstIntervalThenWithinTheNext() {
        // Given a visit cadence [7D, 42D] done always on time
        Authority authority = authority(new Punctuality(1, 1));
        visits(authority, new boolean[] {true}).start(ENTRY);

        // When most of a year passes
        runUntil(authority, Instant.parse("2026-10-01T00:00:00Z"));

        // Then the first came within 7 days and every later one within 42 of the one before
        assertThat(done).hasSizeGreaterThan(6);
        assertThat(ChronoUnit.DAYS.between(ENTRY, done.get(0))).isBetween(1L, 7L);
        for (int i = 1; i < done.size(); i++) {
            assertThat(ChronoUnit.DAYS.between(done.get(i - 1), done.get(i))).isBetween(1L, 42L);
        }
    }

    @Test
    void anActThatDoesNotCountIsTriedAgainWithinDays() {
        // Given a visit where the child is never seen
        Authority authority = authority(new Punctuality(1, 1));
        visits(authority, new boolean[] {false}).start(ENTRY);

        // When a month passes
        runUntil(authority, Instant.parse("2026-02-05T00:00:00Z"));

        // Then it was attempted again and again, a few working days apart
        assertThat(done).hasSizeGreaterThan(4);
        for (int i = 1; i < done.size(); i++) {
            assertThat(ChronoUnit.DAYS.between(done.get(i - 1), done.get(i))).isBetween(1L, 8L);
        }
    }

    @Test
    void aResetStartsTheCadenceAgainAndAStoppedDutyDoesNothingMore() {
        // Given a visit cadence, reset a month in, then stopped
        Authority authority = authority(new Punctuality(1, 1));
        Recurring visits = visits(authority, new boolean[] {true});
        visits.start(ENTRY);
        runUntil(authority, Instant.parse("2026-02-02T00:00:00Z"));
        visits.start(LocalDate.of(2026, 2, 2));
        done.clear();
        runUntil(authority, Instant.parse("2026-02-10T00:00:00Z"));

        // Then the next came within 7 days of the reset
        assertThat(done).hasSize(1);
        assertThat(done.get(0)).isBetween(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 9));

        // And once stopped, nothing more happens
        visits.stop();
        done.clear();
        runUntil(authority, Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(done).isEmpty();
    }
}
