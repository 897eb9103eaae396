package org.caseclock.feeds.ssd;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caseclock.feeds.delivery.RowProblem;

/** One day's SSD extract: a folder with a CSV file per table, read table by table. */
public final class Extract {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .get();

    /**
     * A table as read. {@code unusable} is why no row of it can be used (no file, a blank file, headers
     * without rows, a missing column, a file that is no CSV): its rows from earlier days are kept as they
     * were, since an empty or broken file is far likelier a failed extract than every record deleted.
     */
    public record Table(SsdTable table, List<Row> rows, String unusable) {}

    private final Path dir;
    private final LocalDate day;
    private final Map<SsdTable, Table> tables = new HashMap<>();

    private Extract(Path dir, LocalDate day) {
        this.dir = dir;
        this.day = day;
    }

    public static Extract read(Path dir, LocalDate day) {
        Extract extract = new Extract(dir, day);
        for (SsdTable table : SsdTable.values()) {
            extract.tables.put(table, extract.readTable(table));
        }
        return extract;
    }

    public LocalDate day() {
        return day;
    }

    public Path dir() {
        return dir;
    }

    public Table table(SsdTable table) {
        return tables.get(table);
    }

    /** Birth dates and periods of care from the rows that can be read, for the tables that refer to them. */
    public Lookups lookups() {
        Map<String, LocalDate> births = new HashMap<>();
        for (Row row : table(SsdTable.PERSON).rows()) {
            try {
                LocalDate birth = row.optionalDate("pers_dob");
                if (birth != null) {
                    births.putIfAbsent(row.id("pers_person_id"), birth);
                }
            } catch (RowProblem e) {
                // Reported with the person's own row.
            }
        }
        Map<String, String> periods = new HashMap<>();
        for (Row row : table(SsdTable.CLA_EPISODES).rows()) {
            try {
                periods.putIfAbsent(row.id("clae_cla_id"), row.id("clae_person_id"));
            } catch (RowProblem e) {
                // Reported with the episode's own row.
            }
        }
        return new Lookups(births, periods, day);
    }

    private Table readTable(SsdTable table) {
        Path file = dir.resolve(table.fileName());
        if (!Files.isRegularFile(file)) {
            return new Table(table, List.of(), "no file " + table.fileName() + " in the extract");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset(); // Excel's byte order mark is no part of the first column's name
            }
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            if (parser.getHeaderNames().isEmpty()) {
                return new Table(table, List.of(), "blank file");
            }
            List<String> missing = table.requiredColumns().stream()
                    .filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new Row(record));
            }
            if (!missing.isEmpty()) {
                return new Table(table, rows, "missing column " + String.join(", ", missing));
            }
            if (rows.isEmpty()) {
                return new Table(table, rows, "headers without rows");
            }
            return new Table(table, rows, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // commons-csv: a duplicate or blank header name, or a quote left open.
            return new Table(table, List.of(), "not readable as CSV: " + e.getMessage());
        }
    }
}
