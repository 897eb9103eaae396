package org.caseclock.feeds.reading;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.caseclock.feeds.delivery.RowProblem;

/**
 * The named values of one source record (an SSD or SSDA903 CSV row, a census XML group, a workbook
 * row), read the way every mapping needs them. Ids are trimmed and upper-cased (case systems and
 * spreadsheets add spaces and change case; {@code " c001"} and {@code "C001"} are one child), with a
 * note saying so; dates are London dates, with or without a time of day.
 */
public abstract class Fields {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A date without a time of day is taken at noon: never in a clock-change gap, and clearly that date. */
    public static final LocalTime DATE_ONLY_AT = LocalTime.NOON;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    // Strict: the default (smart) reading takes 31/02/2024 as 29 February, a date nobody wrote.
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd[['T'][' ']HH:mm[:ss][.SSS]]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu[ HH:mm[:ss]]")
            .withResolverStyle(ResolverStyle.STRICT);

    private final List<String> notes = new ArrayList<>();

    /** The value as written, or null when the record has no such field. */
    protected abstract String raw(String field);

    /** What was read other than as written (an id trimmed or upper-cased), for the run's report. */
    public List<String> notes() {
        return notes;
    }

    /** The trimmed value, or null when blank. */
    public String text(String field) {
        String value = raw(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    public String requiredText(String field) throws RowProblem {
        return present(field, text(field));
    }

    public String id(String field) throws RowProblem {
        return present(field, optionalId(field));
    }

    public String optionalId(String field) throws RowProblem {
        String raw = raw(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String id = raw.strip().toUpperCase(Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            throw new RowProblem(field + " is not an id of 1 to 64 letters, digits, '_' or '-'");
        }
        String note = field + " '" + raw + "' read as " + id;
        if (!id.equals(raw) && !notes.contains(note)) {
            // The value is an id, never a name, so it may be shown. Once a record, though a key is read more than once.
            notes.add(note);
        }
        return id;
    }

    public OffsetDateTime when(String field) throws RowProblem {
        return present(field, optionalWhen(field));
    }

    public OffsetDateTime optionalWhen(String field) throws RowProblem {
        String value = text(field);
        if (value == null) {
            return null;
        }
        LocalDateTime local = parse(value, ISO);
        if (local == null) {
            local = parse(value, UK);
        }
        if (local == null) {
            throw new RowProblem(field + " is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)");
        }
        return local.atZone(LONDON).toOffsetDateTime();
    }

    public LocalDate date(String field) throws RowProblem {
        return present(field, optionalDate(field));
    }

    public LocalDate optionalDate(String field) throws RowProblem {
        OffsetDateTime when = optionalWhen(field);
        return when == null ? null : when.atZoneSameInstant(LONDON).toLocalDate();
    }

    /** A yes/no flag as the sources write them (Y/N, Yes/No, 1/0, true/false); null when blank. */
    public Boolean flag(String field) throws RowProblem {
        String value = text(field);
        if (value == null) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "1", "TRUE" -> true;
            case "N", "NO", "0", "FALSE" -> false;
            default -> throw new RowProblem(field + " is not a yes/no flag");
        };
    }

    /** A date as an event's time: noon in London, as every date-only value is taken. */
    public static OffsetDateTime atNoon(LocalDate date) {
        return date.atTime(DATE_ONLY_AT).atZone(LONDON).toOffsetDateTime();
    }

    private static <T> T present(String field, T value) throws RowProblem {
        if (value == null) {
            throw new RowProblem(field + " is blank");
        }
        return value;
    }

    private static LocalDateTime parse(String value, DateTimeFormatter format) {
        try {
            var parsed = format.parseBest(value, LocalDateTime::from, LocalDate::from);
            return parsed instanceof LocalDate date ? date.atTime(DATE_ONLY_AT) : (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
