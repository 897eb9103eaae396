package org.caseclock.feeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.caseclock.events.EventType;
import org.caseclock.feeds.delivery.EventFeed;
import org.caseclock.feeds.delivery.RowProblem;
import org.caseclock.feeds.delivery.Sender;
import org.caseclock.feeds.delivery.SourceRow;
import org.caseclock.feeds.delivery.SourceTable;
import org.caseclock.feeds.ssd.Extract;
import org.caseclock.feeds.ssd.Lookups;
import org.caseclock.feeds.ssd.Row;
import org.caseclock.feeds.ssd.SsdTable;
import org.caseclock.feeds.state.FeedState;

/**
 * Turns SSD extracts into case events, sending each day only what changed since the last day sent.
 * The ids, the comparison with what each row sent before, and the state are {@link EventFeed}'s: a row
 * is matched across days by its table and key, and a row gone from its table retracts all it had sent.
 */
public final class SsdFeed {

    static final String FEED = "ssd";
    /**
     * Every event type this importer can send (but the retractions of the delivery machinery): what the lists of
     * indicators it cannot feed are checked against (CoverageTest), and what its fixtures send (the same test).
     */
    public static final Set<EventType> EVENT_TYPES = EnumSet.of(EventType.ChildRegistered, EventType.CaseAllocated, EventType.ContactReceived,
            EventType.ReferralReceived, EventType.CaseClosed, EventType.AssessmentStarted, EventType.AssessmentCompleted,
            EventType.StrategyDiscussionHeld, EventType.InitialConferenceHeld, EventType.CinPlanStarted, EventType.CinPlanEnded,
            EventType.VisitRecorded, EventType.CpPlanStarted, EventType.CpPlanEnded, EventType.ReviewHeld,
            EventType.BecameLookedAfter, EventType.CeasedLookedAfter, EventType.PlacementStarted,
            EventType.HealthAssessmentCompleted, EventType.DentalCheckCompleted, EventType.PlanUpdated,
            EventType.MissingEpisodeStarted, EventType.MissingEpisodeEnded, EventType.LeavingCareStarted,
            EventType.CareLeaverContactRecorded, EventType.EarlyHelpStarted, EventType.EarlyHelpEnded,
            EventType.ImmunisationsRecorded, EventType.PlacementOrderGranted, EventType.AdoptionMatched);

    private final EventFeed feed;
    private final Clock clock;

    public SsdFeed(Path stateDir, String source, Clock clock) {
        this.feed = new EventFeed(FEED, stateDir, source, clock);
        this.clock = clock;
    }

    public Path stateFile() {
        return feed.stateFile();
    }

    /**
     * Runs every extract under {@code from} not yet sent, oldest first: {@code from} itself when it holds
     * CSV files, else its sub-folders named by date (yyyy-MM-dd), as a daily export leaves them.
     */
    public List<RunReport> runNew(Path from, Sender sender, boolean dryRun) throws IOException, InterruptedException {
        List<RunReport> reports = new ArrayList<>();
        FeedState state = feed.state();
        for (Path dir : extracts(from)) {
            String name = dir.getFileName().toString();
            if (!state.extracts().isEmpty() && name.compareTo(state.extracts().get(state.extracts().size() - 1)) <= 0) {
                continue; // done, or older than the last done: an older day would undo newer news
            }
            reports.add(run(dir, sender, dryRun));
            state = feed.state();
        }
        return reports;
    }

    /** One extract: plan, send, and only then keep the new state and the report. */
    public RunReport run(Path dir, Sender sender, boolean dryRun) throws IOException, InterruptedException {
        return feed.run(dir.getFileName().toString(), tables(Extract.read(dir, dayOf(dir))), sender, dryRun);
    }

    /** What {@code extract} comes to against {@code state}; changes nothing. */
    public EventFeed.Plan plan(Extract extract, FeedState state, boolean dryRun) {
        return feed.plan(extract.dir().getFileName().toString(), tables(extract), state, dryRun);
    }

    /** The extract's tables as rows of events, each row by its key; a row that cannot be read says why. */
    static List<SourceTable> tables(Extract extract) {
        Lookups lookups = extract.lookups();
        List<SourceTable> tables = new ArrayList<>();
        for (SsdTable table : SsdTable.values()) {
            Extract.Table read = extract.table(table);
            List<SourceRow> rows = new ArrayList<>();
            if (read.unusable() != null) {
                read.rows().forEach(row -> rows.add(SourceRow.bad(keyOrLine(table, row), read.unusable())));
                tables.add(new SourceTable(table.table(), read.rows().size(), rows, read.unusable(), null));
                continue;
            }
            Set<String> seen = new HashSet<>();
            boolean everyKeyRead = true;
            for (Row row : read.rows()) {
                String key;
                try {
                    key = table.key(row);
                } catch (RowProblem e) {
                    everyKeyRead = false;
                    rows.add(SourceRow.bad("line " + row.line(), e.getMessage()));
                    continue;
                }
                if (!seen.add(key)) {
                    rows.add(SourceRow.bad(key, "a second row with this " + table.keyColumn() + "; the first is used"));
                    continue;
                }
                try {
                    rows.add(SourceRow.converted(key, table.events(row, lookups), row.notes()));
                } catch (RowProblem e) {
                    rows.add(SourceRow.bad(key, e.getMessage()));
                }
            }
            // A row whose key cannot be read may be one sent before: nothing of this table is taken as gone.
            tables.add(new SourceTable(table.table(), read.rows().size(), rows, null,
                    everyKeyRead ? null : "rows without a readable " + table.keyColumn() + ": no row of this table is taken as gone"));
        }
        return tables;
    }

    private static String keyOrLine(SsdTable table, Row row) {
        try {
            return table.key(row);
        } catch (RowProblem e) {
            return "line " + row.line();
        }
    }

    /** The extract's day from its folder's name (yyyy-MM-dd), else today: a one-off folder has no date. */
    private LocalDate dayOf(Path dir) {
        try {
            return LocalDate.parse(dir.getFileName().toString());
        } catch (DateTimeParseException e) {
            return LocalDate.now(clock);
        }
    }

    static List<Path> extracts(Path from) throws IOException {
        try (Stream<Path> entries = Files.list(from)) {
            List<Path> all = entries.sorted().toList();
            if (all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".csv"))) {
                return List.of(from);
            }
            return all.stream().filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}")).toList();
        }
    }
}
