package org.caseclock.feeds.ssda903;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.events.Subject;
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.delivery.EventFeed;
import org.caseclock.feeds.delivery.Produced;
import org.caseclock.feeds.delivery.RowProblem;
import org.caseclock.feeds.delivery.Sender;
import org.caseclock.feeds.delivery.SourceRow;
import org.caseclock.feeds.delivery.SourceTable;
import org.caseclock.feeds.reading.Fields;
import org.caseclock.feeds.state.FeedState;

/**
 * Loads an SSDA903 return (the looked-after children return: a folder of CSV tables, Header, Episodes,
 * Reviews, Missing, OC3...) as case events, through {@link EventFeed}. Rows are keyed by child and date,
 * since the return has no record ids; a return covers a year, so a record absent from it is never taken
 * as gone. Load the years oldest first: a period of care that began before the first return loaded
 * starts, to caseclock, at its first episode there.
 */
public final class Ssda903Feed {

    public static final String FEED = "ssda903";
    /**
     * Every event type this importer can send (but the retractions of the delivery machinery): what the lists of
     * indicators it cannot feed are checked against (CoverageTest), and what its fixtures send (the same test).
     */
    public static final Set<EventType> EVENT_TYPES = EnumSet.of(EventType.ChildRegistered, EventType.BecameLookedAfter, EventType.PlacementStarted,
            EventType.CeasedLookedAfter, EventType.ReviewHeld, EventType.MissingEpisodeStarted, EventType.MissingEpisodeEnded,
            EventType.CareLeaverContactRecorded, EventType.PlacementOrderGranted, EventType.AdoptionMatched);
    static final String GONE_NOT_TAKEN = "a return covers one year: a record absent from it is not taken as gone";
    /** RNE S: the episode starts a period of care; any other reason continues one. */
    static final String STARTED_TO_BE_LOOKED_AFTER = "S";
    /** RNE L: a change of legal status only; every other reason is a new placement. */
    static final String LEGAL_STATUS_ONLY = "L";
    /** REC X1: the episode ends and a new one of the same period begins. */
    static final String NEW_EPISODE_FOLLOWS = "X1";
    /** LS E1: a placement order granted; the first episode of a period with it, after another status, is the order. */
    static final String PLACEMENT_ORDER = "E1";
    /** PLACE A3-A6: placed for adoption (EVENTS.md v1.1: placementType ADOPTION). */
    static final Set<String> ADOPTION_PLACEMENTS = Set.of("A3", "A4", "A5", "A6");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private final EventFeed feed;

    public Ssda903Feed(Path stateDir, String source, Clock clock) {
        this.feed = new EventFeed(FEED, stateDir, source, clock);
    }

    /** A table as read: its rows, or why none can be used, and where it came from. */
    record Read(Table table, String file, List<Ssda903Row> rows, String unusable) {}

    public RunReport run(Path dir, Sender sender, boolean dryRun) throws IOException, InterruptedException {
        List<String> notTables = new ArrayList<>();
        Map<Table, List<Read>> reads = new EnumMap<>(Table.class);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList()) {
                Read read = read(file);
                if (read.table() == null) {
                    notTables.add(file.getFileName() + ": " + read.unusable());
                } else {
                    reads.computeIfAbsent(read.table(), t -> new ArrayList<>()).add(read);
                }
            }
        }
        FeedState state = feed.state();
        Optional<CollectionYear> year = CollectionYear.named(dir.getFileName().toString()).or(() -> latestDate(reads).map(CollectionYear::holding));
        List<SourceTable> tables = new ArrayList<>();
        List<RunReport.TableIssue> partlyKept = new ArrayList<>();
        for (Table table : Table.values()) {
            List<Read> all = reads.getOrDefault(table, List.of());
            List<SourceRow> rows = new ArrayList<>();
            int read = 0;
            Set<String> keys = new HashSet<>();
            List<String> unusable = new ArrayList<>();
            List<Ssda903Row> usable = new ArrayList<>();
            for (Read file : all) {
                read += file.rows().size();
                if (file.unusable() != null) {
                    unusable.add(file.file() + ": " + file.unusable());
                    file.rows().forEach(row -> rows.add(SourceRow.bad(row.where(), file.unusable())));
                } else {
                    usable.addAll(file.rows());
                }
            }
            if (all.isEmpty()) {
                unusable.add("no file with this table's columns (" + String.join(", ", table.required()) + ")");
            }
            switch (table) {
                case HEADER -> usable.forEach(row -> add(rows, keys, row, "CHILD", null, () -> registered(row)));
                case EPISODES -> episodes(usable, rows, keys, state);
                case REVIEWS -> usable.forEach(row -> add(rows, keys, row, "CHILD", "REVIEW", () -> List.of(new Produced(
                        child(row), Fields.atNoon(row.date("REVIEW")), new EventData.ReviewHeld(EventData.ReviewOf.CLA)))));
                case MISSING -> usable.forEach(row -> add(rows, keys, row, "CHILD", "MIS_START", () -> missing(row)));
                case OC3 -> usable.forEach(row -> add(rows, keys, row, "CHILD", null, () -> careLeaver(row, year)));
                case AD1 -> usable.forEach(row -> add(rows, keys, row, "CHILD", "DATE_MATCH", () -> List.of(new Produced(
                        child(row), Fields.atNoon(row.date("DATE_MATCH")), new EventData.AdoptionMatched()))));
                default -> throw new IllegalStateException(table.name());
            }
            String kept = unusable.isEmpty() ? null : String.join("; ", unusable);
            tables.add(new SourceTable(table.table(), read, rows, usable.isEmpty() ? kept : null, GONE_NOT_TAKEN));
            if (kept != null && !usable.isEmpty()) {
                partlyKept.add(new RunReport.TableIssue(table.table(), kept)); // its other files went in
            }
        }
        RunReport report = feed.run(dir.getFileName().toString(), tables, sender, dryRun);
        report.tablesKept().addAll(partlyKept);
        notTables.forEach(file -> report.tablesKept().add(new RunReport.TableIssue("(not read)", file)));
        return report;
    }

    private static List<Produced> registered(Ssda903Row row) throws RowProblem {
        LocalDate birth = row.date("DOB");
        // Dated at birth, as the SSD feed and the census date it: one activity, whichever source sends it first.
        return List.of(new Produced(child(row), Fields.atNoon(birth), new EventData.ChildRegistered(birth)));
    }

    /**
     * Each child's episodes in date order: a period of care opens at an episode with RNE S, or, for a child
     * whose first episode here continues a period, at the period this feed opened before (else at that
     * episode); each episode but a change of legal status only is a placement; the period closes at an
     * episode's DEC unless REC is X1.
     */
    private static void episodes(List<Ssda903Row> usable, List<SourceRow> rows, Set<String> keys, FeedState state) {
        Map<String, List<Ssda903Row>> byChild = new TreeMap<>();
        for (Ssda903Row row : usable) {
            String child;
            try {
                child = row.id("CHILD");
            } catch (RowProblem e) {
                rows.add(SourceRow.bad(row.where(), e.getMessage()));
                continue;
            }
            byChild.computeIfAbsent(child, c -> new ArrayList<>()).add(row);
        }
        Map<String, Opened> openedBefore = periodsOpenedBefore(state);
        for (var entry : byChild.entrySet()) {
            List<Ssda903Row> episodes = new ArrayList<>(entry.getValue());
            episodes.sort(Comparator.comparing(Ssda903Feed::decomOrMax));
            // A period this feed opened before this child's first episode here (a year loaded before): the same period.
            LocalDate firstStart = decomOrNull(episodes.get(0));
            Opened before = openedBefore.get("child/" + entry.getKey());
            String period = before != null && firstStart != null && before.day().isBefore(firstStart) ? before.period() : null;
            boolean first = true;
            String statusBefore = null; // the legal status of the episode before, in the same period; null: none in this return
            for (Ssda903Row row : episodes) {
                LocalDate start = decomOrNull(row);
                String rne = row.text("RNE");
                boolean starts = STARTED_TO_BE_LOOKED_AFTER.equalsIgnoreCase(rne);
                boolean opens = starts || (first && period == null);
                if (start != null && opens) {
                    period = entry.getKey() + "-CLA-" + COMPACT.format(start);
                }
                first = false;
                String status = row.text("LS") == null ? "" : row.text("LS").toUpperCase(Locale.ROOT);
                // An order at the start of a period, or a change to E1 within it; a first episode here that continues a
                // period already E1 was granted its order at or before that episode, on a day this return does not give.
                boolean order = status.equals(PLACEMENT_ORDER) && (starts || (statusBefore != null && !statusBefore.equals(PLACEMENT_ORDER)));
                statusBefore = status;
                String periodId = period;
                add(rows, keys, row, "CHILD", "DECOM", () -> episode(row, periodId, opens, order));
            }
        }
    }

    private static List<Produced> episode(Ssda903Row row, String period, boolean opens, boolean order) throws RowProblem {
        Subject child = child(row);
        LocalDate start = row.date("DECOM");
        String rne = row.requiredText("RNE").toUpperCase(Locale.ROOT);
        List<Produced> events = new ArrayList<>();
        if (opens) {
            events.add(new Produced(child, Fields.atNoon(start), new EventData.BecameLookedAfter(period, row.text("LS"))));
        }
        if (order) {
            events.add(new Produced(child, Fields.atNoon(start), new EventData.PlacementOrderGranted()));
        }
        if (!LEGAL_STATUS_ONLY.equals(rne)) {
            String place = row.text("PLACE");
            String type = place != null && ADOPTION_PLACEMENTS.contains(place.toUpperCase(Locale.ROOT)) ? "ADOPTION" : place;
            // PLACE_PROVIDER is a kind of provider, not the contract's carer household id.
            events.add(new Produced(child, Fields.atNoon(start), new EventData.PlacementStarted(
                    row.id("CHILD") + "-PL-" + COMPACT.format(start), null, type)));
        }
        LocalDate ceased = row.optionalDate("DEC");
        String rec = row.text("REC");
        if (ceased != null && !NEW_EPISODE_FOLLOWS.equalsIgnoreCase(rec)) {
            events.add(new Produced(child, Fields.atNoon(ceased), new EventData.CeasedLookedAfter(period, rec)));
        }
        return events;
    }

    private static List<Produced> missing(Ssda903Row row) throws RowProblem {
        String kind = row.requiredText("MISSING").toUpperCase(Locale.ROOT);
        if (kind.equals("A")) {
            return List.of(); // away from placement without authorisation: no indicator counts it
        }
        if (!kind.equals("M")) {
            throw new RowProblem("MISSING is neither M (missing) nor A (away without authorisation)");
        }
        LocalDate start = row.date("MIS_START");
        String episode = row.id("CHILD") + "-MIS-" + COMPACT.format(start);
        List<Produced> events = new ArrayList<>();
        events.add(new Produced(child(row), Fields.atNoon(start), new EventData.MissingEpisodeStarted(episode)));
        LocalDate end = row.optionalDate("MIS_END");
        if (end != null) {
            events.add(new Produced(child(row), Fields.atNoon(end), new EventData.MissingEpisodeEnded(episode)));
        }
        return events;
    }

    /**
     * OC3 says whether a care leaver is in touch, their main activity and their accommodation on or around their
     * 17th to 21st birthday, with no date of contact: a contact dated at that birthday in the return's year.
     */
    private static List<Produced> careLeaver(Ssda903Row row, Optional<CollectionYear> year) throws RowProblem {
        EventData.CareLeaverContactRecorded contact = CareLeaver.contact(row);
        if (year.isEmpty()) {
            throw new RowProblem("the return's year is not known (no 2023-24 in the folder's name, no dated episode, review"
                    + " or missing episode): the birthday OC3 is about cannot be told");
        }
        return List.of(new Produced(child(row), Fields.atNoon(CareLeaver.birthdayIn(row, year.get())), contact));
    }

    /** The latest date of the return's episodes, reviews and missing episodes, if any can be read. */
    private static Optional<LocalDate> latestDate(Map<Table, List<Read>> reads) {
        Map<Table, List<String>> dated = Map.of(Table.EPISODES, List.of("DECOM", "DEC"), Table.REVIEWS, List.of("REVIEW"),
                Table.MISSING, List.of("MIS_START", "MIS_END"));
        LocalDate latest = null;
        for (var entry : dated.entrySet()) {
            for (Read read : reads.getOrDefault(entry.getKey(), List.of())) {
                for (Ssda903Row row : read.rows()) {
                    for (String column : entry.getValue()) {
                        LocalDate date;
                        try {
                            date = row.optionalDate(column);
                        } catch (RowProblem e) {
                            continue; // reported with the row
                        }
                        if (date != null && (latest == null || date.isAfter(latest))) {
                            latest = date;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** A period of care this feed opened, and the day it opened. */
    private record Opened(String period, LocalDate day) {}

    /** The periods of care this feed opened before, by child: the latest, by its start. */
    private static Map<String, Opened> periodsOpenedBefore(FeedState state) {
        Map<String, Opened> latest = new HashMap<>();
        for (List<FeedState.Sent> sent : state.rows().values()) {
            for (FeedState.Sent s : sent) {
                if (s.activity() != null && s.activity().startsWith("BecameLookedAfter|") && s.entity() != null) {
                    LocalDate day = LocalDate.parse(s.activity().split("\\|")[2]);
                    Opened other = latest.get(s.subject());
                    if (other == null || day.isAfter(other.day())) {
                        latest.put(s.subject(), new Opened(s.entity(), day));
                    }
                }
            }
        }
        return latest;
    }

    /** The events of one row, or why it has none. */
    private interface Mapping {
        List<Produced> events() throws RowProblem;
    }

    /** One row, keyed by its child and date (as written when it is no date, so that it is still reported once). */
    private static void add(List<SourceRow> rows, Set<String> keys, Ssda903Row row, String childColumn, String dateColumn,
            Mapping mapping) {
        String key;
        try {
            key = row.id(childColumn) + (dateColumn == null ? "" : "/" + row.date(dateColumn));
        } catch (RowProblem e) {
            rows.add(SourceRow.bad(row.where(), e.getMessage()));
            return;
        }
        if (!keys.add(key)) {
            rows.add(SourceRow.bad(key + " (" + row.where() + ")", "a second row for this child"
                    + (dateColumn == null ? "" : " and " + dateColumn) + "; the first is used"));
            return;
        }
        try {
            rows.add(SourceRow.converted(key, mapping.events(), row.notes()));
        } catch (RowProblem e) {
            rows.add(SourceRow.bad(key + " (" + row.where() + ")", e.getMessage()));
        }
    }

    private static Subject child(Ssda903Row row) throws RowProblem {
        return Subject.child(row.id("CHILD"));
    }

    private static LocalDate decomOrNull(Ssda903Row row) {
        try {
            return row.optionalDate("DECOM");
        } catch (RowProblem e) {
            return null; // reported with the row
        }
    }

    private static LocalDate decomOrMax(Ssda903Row row) {
        LocalDate date = decomOrNull(row);
        return date == null ? LocalDate.MAX : date;
    }

    /** A file: which table its headers say it is, and its rows, or why none of them can be used. */
    static Read read(Path file) {
        String name = file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            var records = parser.iterator();
            if (!records.hasNext()) {
                return new Read(null, name, List.of(), "blank file");
            }
            Map<String, Integer> columns = new HashMap<>();
            CSVRecord header = records.next();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(Headers.normal(header.get(i)), i);
            }
            Table table = Table.of(columns.keySet());
            if (table == null) {
                return new Read(null, name, List.of(), "not a table this importer reads (headers " + columns.keySet() + ")");
            }
            List<Ssda903Row> rows = new ArrayList<>();
            while (records.hasNext()) {
                rows.add(new Ssda903Row(records.next(), columns, name));
            }
            List<String> missing = table.required().stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                return new Read(table, name, rows, "missing column " + String.join(", ", missing));
            }
            return new Read(table, name, rows, rows.isEmpty() ? "headers without rows" : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalStateException | UncheckedIOException e) {
            return new Read(null, name, List.of(), "not readable as CSV: " + e.getMessage());
        }
    }
}
