package org.caseclock.simulator.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.Lateness;
import org.caseclock.simulator.Punctuality;
import org.caseclock.simulator.sim.Dice;
import org.junit.jupiter.api.Test;

class TimingTest {

    private static final LocalDate EARLIEST = LocalDate.of(2026, 3, 2);
    private static final LocalDate DUE = LocalDate.of(2026, 3, 30);
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofHours(72);

    private static Timing timing(Punctuality punctuality) {
        Lateness lateness = Lateness.usual().with(Activity.CP_VISIT, punctuality);
        return new Timing(new Dice(5), WorkingCalendar.englandAndWales(), lateness);
    }

    @Test
    void aPunctualDutyIsDoneInTheLastPartOfItsWindowAndNeverAfterItIsDue() {
        Timing always = timing(new Punctuality(1, 5));
        IntStream.range(0, 500).forEach(i -> assertThat(always.dateFor(Activity.CP_VISIT, EARLIEST, DUE))
                .isBetween(DUE.minusDays(12), DUE));
        IntStream.range(0, 500).forEach(i -> assertThat(always.within(Activity.CP_VISIT, START, DEADLINE))
                .isAfter(START).isBeforeOrEqualTo(START.plus(DEADLINE)));
    }

    @Test
    void aLateDutyIsDoneAfterItIsDueOnAWorkingDay() {
        Timing never = timing(new Punctuality(0, 5));
        WorkingCalendar calendar = WorkingCalendar.englandAndWales();
        IntStream.range(0, 500).forEach(i -> {
            LocalDate done = never.dateFor(Activity.CP_VISIT, EARLIEST, DUE);
            assertThat(done).isAfter(DUE);
            assertThat(calendar.isWorkingDay(done)).isTrue();
            assertThat(never.within(Activity.CP_VISIT, START, DEADLINE)).isAfter(START.plus(DEADLINE));
        });
    }

    @Test
    void aDutyAlreadyPastDueWhenItCanFirstBeDoneIsLate() {
        Timing always = timing(new Punctuality(1, 5));
        assertThat(always.dateFor(Activity.CP_VISIT, DUE.plusDays(3), DUE)).isAfter(DUE.plusDays(3));
    }

    @Test
    void officeHoursAreBetweenNineAndHalfPastFiveInLondon() {
        Timing timing = timing(new Punctuality(1, 5));
        LocalDate summer = LocalDate.of(2026, 7, 1);
        IntStream.range(0, 200).forEach(i -> assertThat(timing.workingHours(summer))
                .isBetween(Instant.parse("2026-07-01T08:00:00Z"), Instant.parse("2026-07-01T16:30:00Z")));
    }
}
