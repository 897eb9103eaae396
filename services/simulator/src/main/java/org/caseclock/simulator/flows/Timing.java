package org.caseclock.simulator.flows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.caseclock.catalogue.time.London;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.Lateness;
import org.caseclock.simulator.Punctuality;
import org.caseclock.simulator.sim.Dice;

/** When a duty actually gets done, given when it is due and how punctual that kind of duty is. */
final class Timing {

    /** On-time work lands in the last part of its window: visits are not done the day after the last one. */
    private static final double ON_TIME_SPREAD = 0.4;
    private static final LocalTime DAY_STARTS = LocalTime.of(9, 0);
    private static final int WORKING_MINUTES = 8 * 60 + 30;

    private final Dice dice;
    private final WorkingCalendar calendar;
    private final Lateness lateness;

    Timing(Dice dice, WorkingCalendar calendar, Lateness lateness) {
        this.dice = dice;
        this.calendar = calendar;
        this.lateness = lateness;
    }

    /** The date a duty due on {@code due} is done, not before {@code earliest}. */
    LocalDate dateFor(Activity activity, LocalDate earliest, LocalDate due) {
        Punctuality punctuality = lateness.of(activity);
        if (!due.isBefore(earliest) && dice.chance(punctuality.onTime())) {
            long span = ChronoUnit.DAYS.between(earliest, due);
            LocalDate from = due.minusDays(Math.round(span * ON_TIME_SPREAD));
            LocalDate day = dice.dateBetween(from, due);
            LocalDate workingDay = onOrBefore(day);
            return workingDay.isBefore(from) ? day : workingDay;
        }
        LocalDate lateFrom = due.isBefore(earliest) ? earliest : due;
        return onOrAfter(lateFrom.plusDays(daysLate(punctuality)));
    }

    /** The instant a duty with an hour deadline ({@code deadline} after {@code start}) is done. */
    Instant within(Activity activity, Instant start, Duration deadline) {
        Punctuality punctuality = lateness.of(activity);
        long seconds = deadline.toSeconds();
        if (dice.chance(punctuality.onTime())) {
            return start.plusSeconds(Math.round(dice.uniform(seconds * 0.05, seconds - 1200)));
        }
        return start.plus(deadline).plusSeconds(Math.round(60 + dice.exponential(punctuality.meanDaysLate() * 86_400)));
    }

    /** Whether a one-off duty is never done at all. */
    boolean skipped(Activity activity) {
        return dice.chance(lateness.of(activity).never());
    }

    /** A moment in office hours on {@code date}. */
    Instant workingHours(LocalDate date) {
        return at(date, DAY_STARTS.plusMinutes(dice.between(0, WORKING_MINUTES)));
    }

    /** {@code time} on {@code date} in London. */
    Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(London.ZONE).toInstant();
    }

    /** A working day between {@code from} and {@code to} working days after {@code date}, in office hours. */
    Instant workingDaysLater(LocalDate date, int from, int to) {
        return workingHours(calendar.plusWorkingDays(date, dice.between(from, to)));
    }

    /** A moment in office hours between {@code from} and {@code to} calendar days after {@code date}. */
    Instant daysLater(LocalDate date, int from, int to) {
        return workingHours(date.plusDays(dice.between(from, to)));
    }

    private LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private int daysLate(Punctuality punctuality) {
        return 1 + (int) dice.exponential(punctuality.meanDaysLate() - 1);
    }
}
