package org.caseclock.catalogue.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** Every date in the rules is a Europe/London local date; these are the conversions. */
public final class London {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private London() {}

    public static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static YearMonth month(Instant instant) {
        return YearMonth.from(date(instant));
    }

    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** The last instant of the date (one nanosecond before the next day starts). */
    public static Instant endOfDay(LocalDate date) {
        return startOfDay(date.plusDays(1)).minusNanos(1);
    }

    /** The last instant of the month: what a month-end snapshot is "as at". */
    public static Instant endOfMonth(YearMonth month) {
        return startOfDay(month.plusMonths(1).atDay(1)).minusNanos(1);
    }

    public static Instant startOfMonth(YearMonth month) {
        return startOfDay(month.atDay(1));
    }
}
