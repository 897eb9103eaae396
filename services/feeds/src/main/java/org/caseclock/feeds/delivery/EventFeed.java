package org.caseclock.feeds.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.RunReport.RowIssue;
import org.caseclock.feeds.state.FeedState;
import org.caseclock.feeds.state.FeedState.Sent;
import org.caseclock.feeds.state.RunReports;

/**
 * What every feed does once its source is read into rows: give each event its deterministic id,
 * check it as ingest will, compare with what was sent before for the same row, send only the
 * difference, and keep the new state and the run's report once ingest has the events.
 *
 * <p>An event's id is {@code <feed>-} and a hash of its table, row key, type, subject, time and data,
 * so the same row gives the same ids every run and a re-run sends nothing. A row that changed sends its
 * new events and retracts those it no longer stands for; a row gone from a table that says it is whole
 * retracts all it had sent. Which ids each row stands for is kept in {@link FeedState}, one file a feed
 * in the state directory.
 *
 * <p>An event whose {@link Activity} another feed in the same state directory has sent is not sent
 * again (a census, then an SSD feed, of the same children): the other feed's event is the activity,
 * and this feed's later events of the same record name the other feed's record id.
 */
public final class EventFeed {

    private static final int BATCH = 500;

    /** What one read of a source comes to against what was sent before. */
    public record Plan(List<CaseEvent> toSend, FeedState next, RunReport report, Map<String, String> rowOfEvent) {}

    /** An event another feed sent. */
    private record Held(String feed, Sent sent) {}

    private final ObjectMapper mapper = EventJson.mapper();
    private final ContractValidator validator = new ContractValidator();
    private final String feed;
    private final Path stateDir;
    private final String source;
    private final Clock clock;

    /** @param feed the feed's name: its state file, its reports, its ids' prefix ({@code ssd}, {@code cin-census}...) */
    public EventFeed(String feed, Path stateDir, String source, Clock clock) {
        this.feed = feed;
        this.stateDir = stateDir;
        this.source = source;
        this.clock = clock;
    }

    public Path stateFile() {
        return stateDir.resolve(feed + ".json");
    }

    public FeedState state() {
        return FeedState.load(stateFile());
    }

    /** The report of a run that loads nothing (a file of the wrong kind, an older return), saying why; nothing is kept. */
    public RunReport nothingLoaded(String extract, boolean dryRun, String table, String why) {
        RunReport report = RunReport.start(feed, extract, clock.instant(), dryRun);
        report.tablesKept().add(new RunReport.TableIssue(table, why));
        return report;
    }

    /** Plans {@code tables} against the kept state, sends the difference, and only then keeps the new state and the report. */
    public RunReport run(String extract, List<SourceTable> tables, Sender sender, boolean dryRun)
            throws IOException, InterruptedException {
        FeedState state = state();
        Plan plan = plan(extract, tables, state, dryRun);
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
            next.extracts().add(extract);
            next.save(stateFile());
            new RunReports(stateDir).save(report);
        }
        return report;
    }

    /** What {@code tables} come to against {@code state}; changes nothing. */
    public Plan plan(String extract, List<SourceTable> tables, FeedState state, boolean dryRun) {
        RunReport report = RunReport.start(feed, extract, clock.instant(), dryRun);
        FeedState next = state.copy();
        Map<String, Held> elsewhere = sentByOtherFeeds();
        Map<String, String> sameRecord = new HashMap<>();
        List<CaseEvent> toSend = new ArrayList<>();
        Map<String, String> rowOfEvent = new HashMap<>();
        int unchanged = 0;
        int retractions = 0;
        for (SourceTable table : tables) {
            report.rowsRead().merge(table.name(), table.rowsRead(), Integer::sum);
            if (table.unusable() != null) {
                report.tablesKept().add(new RunReport.TableIssue(table.name(), table.unusable()));
                for (SourceRow row : table.rows()) {
                    report.notConverted().add(new RowIssue(table.name(), row.key(), table.unusable()));
                }
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (SourceRow row : table.rows()) {
                if (row.problem() != null) {
                    report.notConverted().add(new RowIssue(table.name(), row.key(), row.problem()));
                    seen.add(row.key()); // its earlier events, if any, stand
                    continue;
                }
                seen.add(row.key());
                String rowKey = table.name() + "/" + row.key();
                List<Sent> now = new ArrayList<>();
                List<CaseEvent> events;
                try {
                    events = events(table.name(), row, state, elsewhere, sameRecord, now, report);
                } catch (RowProblem e) {
                    report.notConverted().add(new RowIssue(table.name(), row.key(), e.getMessage()));
                    continue; // its earlier events, if any, stand
                }
                row.notes().forEach(note -> report.notes().add(new RowIssue(table.name(), row.key(), note)));
                List<Sent> before = state.rows().getOrDefault(rowKey, List.of());
                Set<String> beforeIds = new HashSet<>();
                before.forEach(s -> beforeIds.add(s.id()));
                Set<String> nowIds = new HashSet<>();
                for (CaseEvent event : events) {
                    nowIds.add(event.id());
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
            String prefix = table.name() + "/";
            List<String> absent = state.rows().keySet().stream()
                    .filter(key -> key.startsWith(prefix) && !seen.contains(key.substring(prefix.length()))).toList();
            if (table.goneNotTaken() != null) {
                if (!absent.isEmpty()) {
                    report.tablesKept().add(new RunReport.TableIssue(table.name(), table.goneNotTaken()));
                }
                continue;
            }
            for (var entry : List.copyOf(state.rows().entrySet())) {
                String key = entry.getKey();
                if (absent.contains(key)) {
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

    /**
     * The row's events with their ids, each checked against the contract as ingest will check it; an
     * activity another feed sent is left out (and its record's id taken for this feed's later events of it).
     */
    private List<CaseEvent> events(String table, SourceRow row, FeedState state, Map<String, Held> elsewhere,
            Map<String, String> sameRecord, List<Sent> now, RunReport report) throws RowProblem {
        List<CaseEvent> events = new ArrayList<>();
        for (Produced read : row.events()) {
            Produced produced = renamed(read, sameRecord);
            String activity = Activity.of(produced);
            Held other = activity == null ? null : elsewhere.get(activity);
            if (other != null) {
                String mine = Activity.entity(produced.data());
                if (mine != null && other.sent().entity() != null) {
                    sameRecord.put(produced.subject() + "/" + mine, other.sent().entity());
                }
                report.sentByOtherFeeds().merge(other.feed(), 1, Integer::sum);
                continue;
            }
            CaseEvent event = new CaseEvent("1.0", id(table, row.key(), produced, state), source, produced.type(),
                    produced.subject(), produced.time(), null, "application/json", produced.data());
            Verdict verdict = validator.validate(json(event), clock.instant());
            if (verdict instanceof Verdict.Rejected rejected) {
                throw new RowProblem(produced.type() + ": " + rejected.error());
            }
            events.add(event);
            now.add(new Sent(event.id(), event.subject().toString(), activity, Activity.entity(produced.data())));
        }
        return events;
    }

    /** The event with every id field naming a record another feed holds under its own id renamed to that id. */
    private Produced renamed(Produced produced, Map<String, String> sameRecord) {
        if (sameRecord.isEmpty()) {
            return produced;
        }
        ObjectNode data = mapper.valueToTree(produced.data());
        boolean changed = false;
        for (var field : List.copyOf(data.properties())) {
            String renamed = field.getValue().isTextual() && field.getKey().endsWith("Id")
                    ? sameRecord.get(produced.subject() + "/" + field.getValue().asText()) : null;
            if (renamed != null) {
                data.put(field.getKey(), renamed);
                changed = true;
            }
        }
        if (!changed) {
            return produced;
        }
        try {
            return new Produced(produced.subject(), produced.time(), mapper.treeToValue(data, produced.data().getClass()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event the other feeds of the state directory stand for, by activity. */
    private Map<String, Held> sentByOtherFeeds() {
        Map<String, Held> byActivity = new HashMap<>();
        if (!Files.isDirectory(stateDir)) {
            return byActivity;
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                if (file.equals(stateFile())) {
                    continue;
                }
                String name = file.getFileName().toString();
                String other = name.substring(0, name.length() - ".json".length());
                for (List<Sent> sent : FeedState.load(file).rows().values()) {
                    sent.stream().filter(s -> s.activity() != null)
                            .forEach(s -> byActivity.putIfAbsent(s.activity(), new Held(other, s)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the feed states in " + stateDir, e);
        }
        return byActivity;
    }

    /**
     * A hash of what the event says, prefixed; where that id was once retracted (the row changed and then
     * changed back), the next free {@code -2}, {@code -3}...: the engine would take the old id as applied.
     */
    private String id(String table, String key, Produced produced, FeedState state) {
        String content = String.join("\n", table, key, produced.type().name(), produced.subject().toString(),
                produced.time().toString(), dataJson(produced.data()));
        String base = feed + "-" + HexFormat.of().formatHex(sha256(content), 0, 16);
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

    private byte[] json(CaseEvent event) {
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
}
