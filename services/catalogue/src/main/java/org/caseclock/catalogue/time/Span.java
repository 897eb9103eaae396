package org.caseclock.catalogue.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timescale as the catalogue writes it: {@code 28D} calendar days, {@code 10WD} working days,
 * {@code 3M} calendar months (end of month clamps), {@code 24h} hours on the instant.
 */
public record Span(int amount, Unit unit) {

    public enum Unit { D, WD, M, h }

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(WD|D|M|h)");

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Span parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timescale: '" + text + "' (expected e.g. 28D, 10WD, 3M or 24h)");
        }
        return new Span(Integer.parseInt(m.group(1)), Unit.valueOf(m.group(2)));
    }

    public boolean isHours() {
        return unit == Unit.h;
    }

    /** A date-based due date: {@code date + span}. */
    public LocalDate addTo(LocalDate date, WorkingCalendar calendar) {
        return switch (unit) {
            case D -> date.plusDays(amount);
            case WD -> calendar.plusWorkingDays(date, amount);
            case M -> date.plusMonths(amount);
            case h -> throw new IllegalStateException("an hour timescale applies to instants, not dates");
        };
    }

    /** {@code date - span}, for a look-back in calendar days or months ("dated in [d - 12 M, d)"). */
    public LocalDate subtractFrom(LocalDate date) {
        return switch (unit) {
            case D -> date.minusDays(amount);
            case M -> date.minusMonths(amount);
            default -> throw new IllegalStateException("a look-back must be in days or months: " + this);
        };
    }

    public Instant addTo(Instant instant) {
        if (unit != Unit.h) {
            throw new IllegalStateException("only an hour timescale applies to instants");
        }
        return instant.plus(Duration.ofHours(amount));
    }

    @Override
    public String toString() {
        return amount + unit.name();
    }
}
