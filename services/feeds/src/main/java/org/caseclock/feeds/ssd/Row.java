package org.caseclock.feeds.ssd;

import org.caseclock.feeds.delivery.RowProblem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV row of an SSD table, read the way every mapping needs it. Ids are trimmed and upper-cased
 * (case systems and spreadsheets add spaces and change case; {@code " c001"} and {@code "C001"} are one
 * child), with a note saying so; dates are London dates, with or without a time of day.
 */
public final class Row {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A date without a time of day is taken at noon: never in a clock-change gap, and clearly that date. */
    static final LocalTime DATE_ONLY_AT = LocalTime.NOON;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd[['T'][' ']HH:mm[:ss][.SSS]]");
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu[ HH:mm[:ss]]");

    private final CSVRecord record;
    private final List<String> notes = new ArrayList<>();

    Row(CSVRecord record) {
        this.record = record;
    }

    /** The line of the file the row started on, for reports about rows without a readable key. */
    public long line() {
        return record.getRecordNumber() + 1;
    }

    /** What was read other than as written (an id trimmed or upper-cased), for the run's report. */
    public List<String> notes() {
        return notes;
    }

    /** The trimmed value, or null when blank. */
    String text(String column) {
        String value = record.isSet(column) ? record.get(column) : null;
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    String requiredText(String column) throws RowProblem {
        return present(column, text(column));
    }

    String id(String column) throws RowProblem {
        return present(column, optionalId(column));
    }

    String optionalId(String column) throws RowProblem {
        String raw = record.isSet(column) ? record.get(column) : null;
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String id = raw.strip().toUpperCase(Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            throw new RowProblem(column + " is not an id of 1 to 64 letters, digits, '_' or '-'");
        }
        String note = column + " '" + raw + "' read as " + id;
        if (!id.equals(raw) && !notes.contains(note)) {
            // The value is an id, never a name, so it may be shown. Once a row, though a key is read more than once.
            notes.add(note);
        }
        return id;
    }

    OffsetDateTime when(String column) throws RowProblem {
        return present(column, optionalWhen(column));
    }

    OffsetDateTime optionalWhen(String column) throws RowProblem {
        String value = text(column);
        if (value == null) {
            return null;
        }
        LocalDateTime local = parse(value, ISO);
        if (local == null) {
            local = parse(value, UK);
        }
        if (local == null) {
            throw new RowProblem(column + " is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)");
        }
        return local.atZone(LONDON).toOffsetDateTime();
    }

    LocalDate optionalDate(String column) throws RowProblem {
        OffsetDateTime when = optionalWhen(column);
        return when == null ? null : when.atZoneSameInstant(LONDON).toLocalDate();
    }

    /** A Y/N flag as the SSD writes them (also Yes/No, 1/0, true/false); null when blank. */
    Boolean flag(String column) throws RowProblem {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "1", "TRUE" -> true;
            case "N", "NO", "0", "FALSE" -> false;
            default -> throw new RowProblem(column + " is not a Y/N flag");
        };
    }

    private static <T> T present(String column, T value) throws RowProblem {
        if (value == null) {
            throw new RowProblem(column + " is blank");
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
