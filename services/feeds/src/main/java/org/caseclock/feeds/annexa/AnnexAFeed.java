package org.caseclock.feeds.annexa;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.events.Subject;
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.delivery.Activity;
import org.caseclock.feeds.delivery.EventFeed;
import org.caseclock.feeds.delivery.Produced;
import org.caseclock.feeds.delivery.RowProblem;
import org.caseclock.feeds.delivery.Sender;
import org.caseclock.feeds.delivery.SourceRow;
import org.caseclock.feeds.delivery.SourceTable;
import org.caseclock.feeds.reading.Fields;

/**
 * Loads an Ofsted Annex A workbook (.xlsx, lists 1 to 11, one sheet a list named "List N ...") as case
 * events, through {@link EventFeed}. Annex A holds one latest date per child per list (the last visit,
 * the last review), so each row gives at most one event of each kind; rows are keyed by child and the
 * list's main date. An activity two lists both hold (a referral in list 3 and list 6's CIN start, a last
 * visit in lists 6 and 7) is sent once, from the first list. A workbook covers the months before an
 * inspection, so nothing absent from it is taken as gone.
 */
public final class AnnexAFeed {

    public static final String FEED = "annex-a";
    /**
     * Every event type this importer can send (but the retractions of the delivery machinery): what the lists of
     * indicators it cannot feed are checked against (CoverageTest), and what its fixtures send (the same test).
     */
    public static final Set<EventType> EVENT_TYPES = EnumSet.of(EventType.ContactReceived, EventType.ReferralReceived, EventType.AssessmentStarted,
            EventType.AssessmentCompleted, EventType.StrategyDiscussionHeld, EventType.InitialConferenceHeld, EventType.VisitRecorded,
            EventType.CpPlanStarted, EventType.CpPlanEnded, EventType.ReviewHeld, EventType.BecameLookedAfter,
            EventType.CeasedLookedAfter, EventType.HealthAssessmentCompleted, EventType.DentalCheckCompleted, EventType.PlanUpdated,
            EventType.PlacementOrderGranted, EventType.AdoptionMatched, EventType.PlacementStarted);
    static final String GONE_NOT_TAKEN = "Annex A covers the months before an inspection: a record absent from it is not taken as gone";
    private static final Pattern LIST = Pattern.compile("list\\s*(\\d{1,2})", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    /** How far down a sheet its header row is looked for: the template has a title and notes above it. */
    private static final int HEADER_WITHIN = 15;

    /** The lists read, each with its key date column and the columns it reads. */
    enum AnnexList {
        CONTACTS(1, Column.CONTACT_DATE),
        REFERRALS(3, Column.REFERRAL_DATE),
        ASSESSMENTS(4, Column.ASSESSMENT_START, Column.ASSESSMENT_AUTHORISED, Column.CHILD_SEEN, Column.SUPPORT_REQUIRED),
        SECTION_47(5, Column.STRATEGY_DATE, Column.ICPC_DATE, Column.ICPC_PLAN),
        CHILDREN_IN_NEED(6, Column.CIN_START, Column.LAST_SEEN),
        CHILD_PROTECTION(7, Column.CP_START, Column.CP_END, Column.INITIAL_CATEGORY, Column.LAST_REVIEW, Column.LAST_SEEN),
        LOOKED_AFTER(8, Column.LOOKED_AFTER_START, Column.LOOKED_AFTER_END, Column.LEGAL_STATUS, Column.LAST_REVIEW,
                Column.LAST_SEEN, Column.HEALTH_ASSESSMENT, Column.DENTAL),
        CARE_LEAVERS(9, Column.PATHWAY_PLAN),
        ADOPTION(10, Column.ADOPTION_DECISION, Column.PLACEMENT_ORDER, Column.MATCHED, Column.PLACED_FOR_ADOPTION);

        final int number;
        final Column keyDate;
        final List<Column> columns;

        AnnexList(int number, Column keyDate, Column... others) {
            this.number = number;
            this.keyDate = keyDate;
            List<Column> all = new ArrayList<>(List.of(Column.CHILD, keyDate));
            all.addAll(List.of(others));
            this.columns = List.copyOf(all);
        }

        String table() {
            return "List " + number;
        }

        static AnnexList numbered(int number) {
            for (AnnexList list : values()) {
                if (list.number == number) {
                    return list;
                }
            }
            return null;
        }
    }

    /** Lists 2 and 11, read for nothing, with why. */
    static final Map<Integer, String> NOT_READ = Map.of(
            2, "early help assessments (their start and completion), not early help episodes: the help goes on after the"
                    + " assessment is completed, so no EarlyHelpStarted or EarlyHelpEnded can be told from them",
            11, "adopters: no child's activity");

    private final EventFeed feed;

    public AnnexAFeed(Path stateDir, String source, Clock clock) {
        this.feed = new EventFeed(FEED, stateDir, source, clock);
    }

    public RunReport run(Path file, Sender sender, boolean dryRun) throws IOException, InterruptedException {
        Map<AnnexList, SourceTable> tables = new EnumMap<>(AnnexList.class);
        List<RunReport.TableIssue> notRead = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Set<String> activities = new HashSet<>();
            Map<Integer, Sheet> sheets = new TreeMap<>();
            for (Sheet sheet : workbook) {
                Matcher matcher = LIST.matcher(sheet.getSheetName());
                if (!matcher.find()) {
                    notRead.add(new RunReport.TableIssue(sheet.getSheetName(), "not a list (its name has no \"List N\")"));
                    continue;
                }
                int number = Integer.parseInt(matcher.group(1));
                if (AnnexList.numbered(number) == null) {
                    notRead.add(new RunReport.TableIssue(sheet.getSheetName(), NOT_READ.getOrDefault(number, "no such list")));
                    continue;
                }
                sheets.put(number, sheet);
            }
            // In list order, so that an activity two lists hold is sent from the first.
            for (var entry : sheets.entrySet()) {
                AnnexList list = AnnexList.numbered(entry.getKey());
                tables.put(list, table(list, entry.getValue(), activities));
            }
        } catch (EncryptedDocumentException | UnsupportedFileFormatException e) {
            return feed.nothingLoaded(file.getFileName().toString(), dryRun, "(workbook)", "not a readable .xlsx workbook: " + e.getMessage());
        }
        for (AnnexList list : AnnexList.values()) {
            tables.putIfAbsent(list, new SourceTable(list.table(), 0, List.of(), "no sheet named \"List " + list.number + "\"", null));
        }
        RunReport report = feed.run(file.getFileName().toString(), List.copyOf(tables.values()), sender, dryRun);
        report.tablesKept().addAll(notRead);
        return report;
    }

    /** One list's sheet: its header row found, its columns matched, each row its events. */
    private static SourceTable table(AnnexList list, Sheet sheet, Set<String> activities) {
        Row header = null;
        for (int i = 0; i <= Math.min(HEADER_WITHIN, sheet.getLastRowNum()) && header == null; i++) {
            Row row = sheet.getRow(i);
            if (row != null && columnsOf(row, List.of(Column.CHILD)).containsKey(Column.CHILD)) {
                header = row;
            }
        }
        if (header == null) {
            return new SourceTable(list.table(), 0, List.of(), "no header row with a child id column in its first "
                    + HEADER_WITHIN + " rows", null);
        }
        Row headerRow = header;
        Map<Column, Integer> columns = columnsOf(headerRow, list.columns);
        Map<Column, String> names = new EnumMap<>(Column.class);
        DataFormatter text = new DataFormatter();
        columns.forEach((column, index) -> names.put(column, text.formatCellValue(headerRow.getCell(index)).strip()));
        List<SourceRow> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int read = 0;
        for (int i = headerRow.getRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
            Row cells = sheet.getRow(i);
            if (cells == null) {
                continue;
            }
            AnnexRow row = new AnnexRow(cells, columns, names);
            if (row.isBlank()) {
                continue;
            }
            read++;
            String key;
            try {
                key = row.id(row.name(Column.CHILD)) + "/" + row.date(row.name(list.keyDate));
            } catch (RowProblem e) {
                rows.add(SourceRow.bad("row " + row.number(), e.getMessage()));
                continue;
            }
            if (!keys.add(key)) {
                rows.add(SourceRow.bad(key + " (row " + row.number() + ")", "a second row for this child and date; the first is used"));
                continue;
            }
            try {
                List<Produced> events = new ArrayList<>();
                for (Produced produced : events(list, row)) {
                    if (activities.add(Activity.of(produced))) {
                        events.add(produced);
                    }
                }
                rows.add(SourceRow.converted(key, events, row.notes()));
            } catch (RowProblem e) {
                rows.add(SourceRow.bad(key + " (row " + row.number() + ")", e.getMessage()));
            }
        }
        List<Column> missing = list.columns.stream().filter(c -> c == Column.CHILD || c == list.keyDate)
                .filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new SourceTable(list.table(), read, rows, "no column for " + missing, null);
        }
        return new SourceTable(list.table(), read, rows, null, GONE_NOT_TAKEN);
    }

    /** The columns a header row holds, of those a list reads: each header is one column, the first of them it matches. */
    private static Map<Column, Integer> columnsOf(Row header, List<Column> candidates) {
        DataFormatter text = new DataFormatter();
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (Cell cell : header) {
            String name = text.formatCellValue(cell);
            for (Column column : candidates) {
                if (!columns.containsKey(column) && column.matches(name)) {
                    columns.put(column, cell.getColumnIndex());
                    break;
                }
            }
        }
        return columns;
    }

    private static List<Produced> events(AnnexList list, AnnexRow row) throws RowProblem {
        String child = row.id(row.name(Column.CHILD));
        Subject subject = Subject.child(child);
        LocalDate key = row.date(row.name(list.keyDate));
        List<Produced> events = new ArrayList<>();
        switch (list) {
            case CONTACTS -> events.add(at(subject, key, new EventData.ContactReceived(recordId(child, "CT", key))));
            case REFERRALS -> events.add(at(subject, key, new EventData.ReferralReceived(recordId(child, "REF", key))));
            case ASSESSMENTS -> {
                String id = recordId(child, "ASMT", key);
                events.add(at(subject, key, new EventData.AssessmentStarted(id, null)));
                boolean nfa = Boolean.FALSE.equals(row.flag(row.name(Column.SUPPORT_REQUIRED)));
                boolean seen = Boolean.TRUE.equals(row.flag(row.name(Column.CHILD_SEEN)));
                ifDated(row, Column.ASSESSMENT_AUTHORISED, subject, events, date -> new EventData.AssessmentCompleted(id,
                        nfa ? EventData.AssessmentOutcome.NFA : EventData.AssessmentOutcome.OTHER, seen));
            }
            case SECTION_47 -> {
                String strategy = recordId(child, "S47", key);
                events.add(at(subject, key, new EventData.StrategyDiscussionHeld(strategy, EventData.StrategyReason.S47)));
                boolean plan = Boolean.TRUE.equals(row.flag(row.name(Column.ICPC_PLAN)));
                ifDated(row, Column.ICPC_DATE, subject, events, date -> new EventData.InitialConferenceHeld(recordId(child, "ICPC", date),
                        strategy, plan ? EventData.ConferenceOutcome.CP_PLAN : EventData.ConferenceOutcome.NFA));
            }
            case CHILDREN_IN_NEED -> {
                // A child in need episode starts at its referral.
                events.add(at(subject, key, new EventData.ReferralReceived(recordId(child, "REF", key))));
                lastSeen(row, subject, child, events);
            }
            case CHILD_PROTECTION -> {
                String plan = recordId(child, "CPP", key);
                episode(row, subject, child, key, new EventData.CpPlanStarted(plan, row.text(row.name(Column.INITIAL_CATEGORY))),
                        Column.CP_END, new EventData.CpPlanEnded(plan, null), EventData.ReviewOf.CP_PLAN, events);
            }
            case LOOKED_AFTER -> {
                String period = recordId(child, "CLA", key);
                episode(row, subject, child, key, new EventData.BecameLookedAfter(period, row.text(row.name(Column.LEGAL_STATUS))),
                        Column.LOOKED_AFTER_END, new EventData.CeasedLookedAfter(period, null), EventData.ReviewOf.CLA, events);
                // The latest health assessment, initial or review, Annex A does not say: taken as a review.
                ifDated(row, Column.HEALTH_ASSESSMENT, subject, events,
                        date -> new EventData.HealthAssessmentCompleted(EventData.HealthAssessmentKind.REVIEW));
                ifDated(row, Column.DENTAL, subject, events, date -> new EventData.DentalCheckCompleted());
            }
            case CARE_LEAVERS -> events.add(at(subject, key, new EventData.PlanUpdated(EventData.PlanKind.PATHWAY)));
            case ADOPTION -> {
                // The row's key is the decision that the child should be placed for adoption: no event of the contract.
                ifDated(row, Column.PLACEMENT_ORDER, subject, events, date -> new EventData.PlacementOrderGranted());
                ifDated(row, Column.MATCHED, subject, events, date -> new EventData.AdoptionMatched());
                ifDated(row, Column.PLACED_FOR_ADOPTION, subject, events,
                        date -> new EventData.PlacementStarted(recordId(child, "PL", date), null, "ADOPTION"));
            }
            default -> throw new IllegalStateException(list.name());
        }
        return events;
    }

    /** The event the column's date stands for, at that date, when the row has one. */
    private static void ifDated(AnnexRow row, Column column, Subject subject, List<Produced> events,
            Function<LocalDate, EventData> data) throws RowProblem {
        LocalDate date = row.optionalDate(row.name(column));
        if (date != null) {
            events.add(at(subject, date, data.apply(date)));
        }
    }

    /** A plan or period of care as a list holds it: its start, its end, its last review and the last visit. */
    private static void episode(AnnexRow row, Subject subject, String child, LocalDate start, EventData started,
            Column endColumn, EventData ended, EventData.ReviewOf reviewOf, List<Produced> events) throws RowProblem {
        events.add(at(subject, start, started));
        ifDated(row, endColumn, subject, events, date -> ended);
        ifDated(row, Column.LAST_REVIEW, subject, events, date -> new EventData.ReviewHeld(reviewOf));
        lastSeen(row, subject, child, events);
    }

    /** The last visit, seeing the child: the only kind Annex A lists. */
    private static void lastSeen(AnnexRow row, Subject subject, String child, List<Produced> events) throws RowProblem {
        ifDated(row, Column.LAST_SEEN, subject, events, date -> new EventData.VisitRecorded(recordId(child, "VIS", date), true));
    }

    private static Produced at(Subject subject, LocalDate date, EventData data) {
        OffsetDateTime time = Fields.atNoon(date);
        return new Produced(subject, time, data);
    }

    /** A record id Annex A lacks, made as the census makes it, so the same referral is the same record in both. */
    static String recordId(String child, String kind, LocalDate start) {
        return child + "-" + kind + "-" + COMPACT.format(start);
    }
}
