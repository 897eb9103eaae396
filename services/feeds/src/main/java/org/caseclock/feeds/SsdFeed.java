package org.caseclock.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventJson;
import org.caseclock.events.EventType;
import org.caseclock.events.Subject;
import org.caseclock.events.contract.ContractValidator;
import org.caseclock.events.contract.ContractValidator.Verdict;
import org.caseclock.feeds.RunReport.RowIssue;
import org.caseclock.feeds.ssd.Extract;
import org.caseclock.feeds.ssd.Lookups;
import org.caseclock.feeds.ssd.Produced;
import org.caseclock.feeds.ssd.Row;
import org.caseclock.feeds.ssd.RowProblem;
import org.caseclock.feeds.ssd.SsdTable;
import org.caseclock.feeds.state.FeedState;
import org.caseclock.feeds.state.FeedState.Sent;
import org.caseclock.feeds.state.RunReports;

/**
 * Turns SSD extracts into case events, sending each day only what changed since the last day sent.
 *
 * <p>An event's id is a hash of its table, row key, type, subject, time and data, so the same row
 * gives the same ids every day and a re-run sends nothing. A row that changed sends its new events and
 * retracts the ones it no longer stands for (a plan given an end date sends only the end); a row gone
 * from its table retracts all it had sent. Which ids each row stands for is kept in {@link FeedState}.
 */
public final class SsdFeed {

    static final String FEED = "ssd";
    private static final int BATCH = 500;

    /** Where the events go: ingest, or standard output for a dry run. */
    public interface Sender {
        /** @return the ids ingest rejected */
        List<String> send(List<CaseEvent> events) throws IOException, InterruptedException;
    }

    /** What one extract comes to against what was sent before. */
    public record Plan(List<CaseEvent> toSend, FeedState next, RunReport report, Map<String, String> rowOfEvent) {}

    private final ObjectMapper mapper = EventJson.mapper();
    private final ContractValidator validator = new ContractValidator();
    private final Path stateDir;
    private final String source;
    private final Clock clock;

    public SsdFeed(Path stateDir, String source, Clock clock) {
        this.stateDir = stateDir;
        this.source = source;
        this.clock = clock;
    }

    public Path stateFile() {
        return stateDir.resolve(FEED + ".json");
    }

    /**
     * Runs every extract under {@code from} not yet sent, oldest first: {@code from} itself when it holds
     * CSV files, else its sub-folders named by date (yyyy-MM-dd), as a daily export leaves them.
     */
    public List<RunReport> runNew(Path from, Sender sender, boolean dryRun) throws IOException, InterruptedException {
        List<RunReport> reports = new ArrayList<>();
        FeedState state = FeedState.load(stateFile());
        for (Path dir : extracts(from)) {
            String name = dir.getFileName().toString();
            if (!state.extracts().isEmpty() && name.compareTo(state.extracts().get(state.extracts().size() - 1)) <= 0) {
                continue; // done, or older than the last done: an older day would undo newer news
            }
            RunReport report = run(dir, sender, dryRun);
            reports.add(report);
            state = FeedState.load(stateFile());
        }
        return reports;
    }

    /** One extract: plan, send, and only then keep the new state and the report. */
    public RunReport run(Path dir, Sender sender, boolean dryRun) throws IOException, InterruptedException {
        FeedState state = FeedState.load(stateFile());
        Plan plan = plan(Extract.read(dir, dayOf(dir)), state, dryRun);
        Set<String> rejected = new HashSet<>();
        List<CaseEvent> events = plan.toSend();
        for (int from = 0; from < events.size(); from += BATCH) {
            rejected.addAll(sender.send(events.subList(from, Math.min(events.size(), from + BATCH))));
        }
        FeedState next = plan.next();
        RunReport report = plan.report();
        for (String id : rejected) {
            // Ingest disagreed with the contract check here (its clock, say): the row is tried again next run.
            String rowKey = plan.rowOfEvent().get(id);
            if (rowKey != null) {
                List<Sent> before = state.rows().get(rowKey);
                if (before == null) {
                    next.rows().remove(rowKey);
                } else {
                    next.rows().put(rowKey, before);
                }
                report.notConverted().add(new RowIssue(rowKey.substring(0, rowKey.indexOf('/')),
                        rowKey.substring(rowKey.indexOf('/') + 1), "event " + id + " rejected by ingest"));
            }
        }
        if (!dryRun) {
            next.extracts().add(dir.getFileName().toString());
            next.save(stateFile());
            new RunReports(stateDir).save(report);
        }
        return report;
    }

    /** What {@code extract} comes to against {@code state}; changes nothing. */
    public Plan plan(Extract extract, FeedState state, boolean dryRun) {
        RunReport report = RunReport.start(FEED, extract.dir().getFileName().toString(), clock.instant(), dryRun);
        FeedState next = state.copy();
        var lookups = extract.lookups();
        List<CaseEvent> toSend = new ArrayList<>();
        Map<String, String> rowOfEvent = new HashMap<>();
        int unchanged = 0;
        int retractions = 0;
        for (SsdTable table : SsdTable.values()) {
            Extract.Table read = extract.table(table);
            report.rowsRead().put(table.table(), read.rows().size());
            if (read.unusable() != null) {
                report.tablesKept().add(new RunReport.TableIssue(table.table(), read.unusable()));
                for (Row row : read.rows()) {
                    report.notConverted().add(new RowIssue(table.table(), keyOrLine(table, row), read.unusable()));
                }
                continue;
            }
            Set<String> seen = new HashSet<>();
            boolean everyKeyRead = true;
            for (Row row : read.rows()) {
                String key;
                try {
                    key = rowKey(table, row);
                } catch (RowProblem e) {
                    everyKeyRead = false;
                    report.notConverted().add(new RowIssue(table.table(), "line " + row.line(), e.getMessage()));
                    continue;
                }
                if (!seen.add(key)) {
                    report.notConverted().add(new RowIssue(table.table(), key,
                            "a second row with this " + table.keyColumn() + "; the first is used"));
                    continue;
                }
                String rowKey = table.table() + "/" + key;
                List<CaseEvent> events;
                try {
                    events = events(table, key, row, lookups, state);
                } catch (RowProblem e) {
                    report.notConverted().add(new RowIssue(table.table(), key, e.getMessage()));
                    continue; // its earlier events, if any, stand
                }
                row.notes().forEach(note -> report.notes().add(new RowIssue(table.table(), key, note)));
                List<Sent> before = state.rows().getOrDefault(rowKey, List.of());
                Set<String> beforeIds = new HashSet<>();
                before.forEach(s -> beforeIds.add(s.id()));
                Set<String> nowIds = new HashSet<>();
                List<Sent> now = new ArrayList<>();
                for (CaseEvent event : events) {
                    nowIds.add(event.id());
                    now.add(new Sent(event.id(), event.subject().toString()));
                    if (beforeIds.contains(event.id())) {
                        unchanged++;
                    } else {
                        toSend.add(event);
                        rowOfEvent.put(event.id(), rowKey);
                        report.sent().merge(event.type().name(), 1, Integer::sum);
                    }
                }
                for (Sent old : before) {
                    if (!nowIds.contains(old.id())) {
                        toSend.add(retraction(old, next));
                        retractions++;
                    }
                }
                if (now.isEmpty()) {
                    next.rows().remove(rowKey);
                } else {
                    next.rows().put(rowKey, now);
                }
            }
            if (!everyKeyRead) {
                // A row whose key cannot be read may be one sent before: nothing of this table is taken as gone.
                report.tablesKept().add(new RunReport.TableIssue(table.table(),
                        "rows without a readable " + table.keyColumn() + ": no row of this table is taken as gone"));
                continue;
            }
            String prefix = table.table() + "/";
            for (var entry : List.copyOf(state.rows().entrySet())) {
                String key = entry.getKey();
                if (key.startsWith(prefix) && !seen.contains(key.substring(prefix.length()))) {
                    for (Sent old : entry.getValue()) {
                        toSend.add(retraction(old, next));
                        retractions++;
                    }
                    next.rows().remove(key);
                }
            }
        }
        if (retractions > 0) {
            report.sent().put(EventType.EventRetracted.name(), retractions);
        }
        return new Plan(toSend, next, report.counted(unchanged, retractions), rowOfEvent);
    }

    private static String rowKey(SsdTable table, Row row) throws RowProblem {
        return table.key(row);
    }

    private static String keyOrLine(SsdTable table, Row row) {
        try {
            return rowKey(table, row);
        } catch (RowProblem e) {
            return "line " + row.line();
        }
    }

    /** The row's events with their ids, each checked against the contract as ingest will check it. */
    private List<CaseEvent> events(SsdTable table, String key, Row row, Lookups lookups,
            FeedState state) throws RowProblem {
        List<CaseEvent> events = new ArrayList<>();
        for (Produced produced : table.events(row, lookups)) {
            CaseEvent event = new CaseEvent("1.0", id(table, key, produced, state), source, produced.type(),
                    produced.subject(), produced.time(), null, "application/json", produced.data());
            Verdict verdict = validator.validate(json(event), clock.instant());
            if (verdict instanceof Verdict.Rejected rejected) {
                throw new RowProblem(produced.type() + ": " + rejected.error());
            }
            events.add(event);
        }
        return events;
    }

    /**
     * A hash of what the event says, prefixed; where that id was once retracted (the row changed and then
     * changed back), the next free {@code -2}, {@code -3}...: the engine would take the old id as applied.
     */
    private String id(SsdTable table, String key, Produced produced, FeedState state) {
        String content = String.join("\n", table.table(), key, produced.type().name(), produced.subject().toString(),
                produced.time().toString(), dataJson(produced.data()));
        String base = "ssd-" + HexFormat.of().formatHex(sha256(content), 0, 16);
        String id = base;
        for (int n = 2; state.retracted().contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private CaseEvent retraction(Sent old, FeedState next) {
        next.retracted().add(old.id());
        return new CaseEvent("1.0", old.id() + "-retracted", source, EventType.EventRetracted, Subject.parse(old.subject()),
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), null, "application/json",
                new EventData.EventRetracted(old.id()));
    }

    byte[] json(CaseEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written: " + event.id(), e);
        }
    }

    private String dataJson(EventData data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
