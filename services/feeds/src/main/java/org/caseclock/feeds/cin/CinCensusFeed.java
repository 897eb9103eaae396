package org.caseclock.feeds.cin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Loads a children in need census file as case events, through {@link EventFeed}: the same ids, state
 * and report as the SSD feed. A census has no record ids, so each group is keyed by its child and its
 * start date ({@code C001/2024-01-05}); the same referral in two years' censuses is one row, and the
 * later census adds what the earlier did not know (its closure). A census covers one year, so a record
 * absent from it is never taken as gone; a census older than one already loaded is not applied, since
 * it would undo the newer one's news.
 */
public final class CinCensusFeed {

    public static final String FEED = "cin-census";
    /**
     * Every event type this importer can send (but the retractions of the delivery machinery): what the lists of
     * indicators it cannot feed are checked against (CoverageTest), and what its fixtures send (the same test).
     */
    public static final Set<EventType> EVENT_TYPES = EnumSet.of(EventType.ChildRegistered, EventType.ReferralReceived, EventType.CaseClosed,
            EventType.AssessmentStarted, EventType.AssessmentCompleted, EventType.CinPlanStarted, EventType.CinPlanEnded,
            EventType.StrategyDiscussionHeld, EventType.InitialConferenceHeld, EventType.CpPlanStarted, EventType.CpPlanEnded,
            EventType.ReviewHeld);
    static final String GONE_NOT_TAKEN = "a census covers one year: a record absent from it is not taken as gone";
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> TABLES = List.of("ChildIdentifiers", "CINdetails", "Assessments", "CINPlanDates",
            "Section47", "ChildProtectionPlans", "Reviews");

    private final EventFeed feed;

    public CinCensusFeed(Path stateDir, String source, Clock clock) {
        this.feed = new EventFeed(FEED, stateDir, source, clock);
    }

    public RunReport run(Path file, Sender sender, boolean dryRun) throws IOException, InterruptedException {
        Map<String, List<SourceRow>> rows = new LinkedHashMap<>();
        TABLES.forEach(table -> rows.put(table, new ArrayList<>()));
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        CensusXml.Read read = CensusXml.read(file, child -> rowsOf(child, rows, keys));
        String fileName = file.getFileName().toString();
        if (read.referenceDate() == null) {
            return feed.nothingLoaded(fileName, dryRun, "Header", read.problem() != null ? read.problem()
                    : "no Header/CollectionDetails/ReferenceDate: the census date is not known, so nothing is loaded");
        }
        // The reference date first, so that the censuses done sort by year.
        String extract = read.referenceDate() + "_" + fileName;
        FeedState state = feed.state();
        String newest = state.extracts().stream().max(String::compareTo).orElse(null);
        if (newest != null && newest.substring(0, 10).compareTo(extract.substring(0, 10)) > 0) {
            return feed.nothingLoaded(extract, dryRun, "Header", "the census of " + newest.substring(0, 10)
                    + " is loaded already: an older census would undo its news, so nothing is loaded");
        }
        List<SourceTable> tables = new ArrayList<>();
        rows.forEach((table, list) -> tables.add(new SourceTable(table, list.size(), list, null, GONE_NOT_TAKEN)));
        RunReport report = feed.run(extract, tables, sender, dryRun);
        if (read.problem() != null) {
            report.tablesKept().add(new RunReport.TableIssue("Children", read.problem()));
        }
        return report;
    }

    /** The child's groups as rows, table by table; a group that cannot be read is a bad row, its neighbours go in. */
    static void rowsOf(Element child, Map<String, List<SourceRow>> rows, Map<String, Set<String>> keys) {
        Element identifiers = child.first("ChildIdentifiers");
        Group ids = new Group(identifiers == null ? child : identifiers);
        String id;
        try {
            id = ids.id("LAchildID");
        } catch (RowProblem e) {
            rows.get("ChildIdentifiers").add(SourceRow.bad("line " + child.line(), e.getMessage()
                    + ": none of this child's groups is read"));
            return;
        }
        Subject subject = Subject.child(id);
        add(rows, keys, "ChildIdentifiers", id, ids, () -> registered(subject, ids));
        for (Element details : child.all("CINdetails")) {
            Group referral = new Group(details);
            LocalDate referred = dateOrNull(referral, "CINreferralDate");
            String referralId = referred == null ? null : recordId(id, "REF", referred);
            add(rows, keys, "CINdetails", key(id, referral, "CINreferralDate"), referral, () ->
                    startAndEnd(subject, referral, "CINreferralDate", new EventData.ReferralReceived(referralId),
                            "CINclosureDate", new EventData.CaseClosed(referral.text("ReasonForClosure"))));
            for (Element element : details.all("Assessments")) {
                Group assessment = new Group(element);
                add(rows, keys, "Assessments", key(id, assessment, "AssessmentActualStartDate"), assessment, () -> {
                    String assessmentId = recordId(id, "ASMT", assessment.date("AssessmentActualStartDate"));
                    // The census has no outcome and no "child seen" for an assessment: OTHER, not known to be seen.
                    return startAndEnd(subject, assessment, "AssessmentActualStartDate", new EventData.AssessmentStarted(assessmentId, referralId),
                            "AssessmentAuthorisationDate", new EventData.AssessmentCompleted(assessmentId, EventData.AssessmentOutcome.OTHER, false));
                });
            }
            for (Element element : details.all("CINPlanDates")) {
                Group plan = new Group(element);
                add(rows, keys, "CINPlanDates", key(id, plan, "CINPlanStartDate"), plan, () -> {
                    String planId = recordId(id, "CINP", plan.date("CINPlanStartDate"));
                    return startAndEnd(subject, plan, "CINPlanStartDate", new EventData.CinPlanStarted(planId),
                            "CINPlanEndDate", new EventData.CinPlanEnded(planId));
                });
            }
            List<Element> plans = new ArrayList<>(details.all("ChildProtectionPlans"));
            Set<LocalDate> planStarts = new HashSet<>();
            for (Element element : plans) {
                LocalDate start = dateOrNull(new Group(element), "CPPstartDate");
                if (start != null) {
                    planStarts.add(start);
                }
            }
            for (Element element : details.all("Section47")) {
                Group s47 = new Group(element);
                add(rows, keys, "Section47", key(id, s47, "S47ActualStartDate"), s47, () -> {
                    String strategyId = recordId(id, "S47", s47.date("S47ActualStartDate"));
                    LocalDate conference = s47.optionalDate("DateOfInitialCPC");
                    s47.flag("ICPCnotRequired"); // read so that a value other than true/false is reported
                    // The census has no strategy discussion of its own: an S47 enquiry starts at the one that decided on it.
                    // A plan starting on the conference's day is its outcome; else the census cannot say CIN from NFA.
                    return startAndEnd(subject, s47, "S47ActualStartDate",
                            new EventData.StrategyDiscussionHeld(strategyId, EventData.StrategyReason.S47), "DateOfInitialCPC",
                            conference == null ? null : new EventData.InitialConferenceHeld(recordId(id, "ICPC", conference), strategyId,
                                    planStarts.contains(conference) ? EventData.ConferenceOutcome.CP_PLAN : EventData.ConferenceOutcome.NFA));
                });
            }
            for (Element element : plans) {
                addPlan(rows, keys, id, subject, element);
            }
        }
        // Some case systems write the plans directly under the child, as the DfE's own validator also reads them.
        for (Element element : child.all("ChildProtectionPlans")) {
            addPlan(rows, keys, id, subject, element);
        }
    }

    private static void addPlan(Map<String, List<SourceRow>> rows, Map<String, Set<String>> keys, String id, Subject subject,
            Element element) {
        Group plan = new Group(element);
        add(rows, keys, "ChildProtectionPlans", key(id, plan, "CPPstartDate"), plan, () -> {
            String planId = recordId(id, "CPP", plan.date("CPPstartDate"));
            return startAndEnd(subject, plan, "CPPstartDate", new EventData.CpPlanStarted(planId, plan.text("InitialCategoryOfAbuse")),
                    "CPPendDate", new EventData.CpPlanEnded(planId, plan.text("LatestCategoryOfAbuse")));
        });
        LocalDate planStart = dateOrNull(plan, "CPPstartDate");
        for (Element reviews : element.all("Reviews")) {
            for (Element date : reviews.all("CPPreviewDate")) {
                Group review = new Group(new Element("Reviews", null, List.of(date), date.line()));
                String key = planStart == null ? id + "/line " + date.line() : id + "/" + planStart + "/" + keyPart(review, "CPPreviewDate");
                add(rows, keys, "Reviews", key, review, () -> {
                    if (planStart == null) {
                        throw new RowProblem("the review's plan has no readable CPPstartDate");
                    }
                    return List.of(new Produced(subject, Fields.atNoon(review.date("CPPreviewDate")),
                            new EventData.ReviewHeld(EventData.ReviewOf.CP_PLAN)));
                });
            }
        }
    }

    private static List<Produced> registered(Subject subject, Group ids) throws RowProblem {
        LocalDate birth = ids.optionalDate("PersonBirthDate");
        if (birth == null) {
            if (ids.text("ExpectedPersonBirthDate") != null) {
                return List.of(); // an unborn child: no events until born
            }
            throw new RowProblem("PersonBirthDate is blank, and there is no ExpectedPersonBirthDate");
        }
        // Dated at birth, as the SSD feed dates it: every later date an age rule looks at has it.
        return List.of(new Produced(subject, Fields.atNoon(birth), new EventData.ChildRegistered(birth)));
    }

    /** A start, and its end when the group has an end date: a referral and its closure, an assessment and its authorisation... */
    private static List<Produced> startAndEnd(Subject subject, Group group, String startField, EventData started,
            String endField, EventData ended) throws RowProblem {
        List<Produced> events = new ArrayList<>();
        events.add(new Produced(subject, Fields.atNoon(group.date(startField)), started));
        LocalDate end = group.optionalDate(endField);
        if (end != null) {
            events.add(new Produced(subject, Fields.atNoon(end), ended));
        }
        return events;
    }

    /** The events of one group, or why it has none. */
    private interface Mapping {
        List<Produced> events() throws RowProblem;
    }

    private static void add(Map<String, List<SourceRow>> rows, Map<String, Set<String>> keys, String table, String key,
            Group group, Mapping mapping) {
        List<SourceRow> list = rows.get(table);
        if (!keys.computeIfAbsent(table, t -> new HashSet<>()).add(key)) {
            list.add(SourceRow.bad(key + " (line " + group.line() + ")",
                    "a second " + table + " group of this child with this date; the first is used"));
            return;
        }
        try {
            list.add(SourceRow.converted(key, mapping.events(), group.notes()));
        } catch (RowProblem e) {
            list.add(SourceRow.bad(key + (key.contains("line ") ? "" : " (line " + group.line() + ")"), e.getMessage()));
        }
    }

    /** The row's key: the child and the group's start date as written, or its line where there is none. */
    private static String key(String child, Group group, String dateField) {
        return child + "/" + keyPart(group, dateField);
    }

    private static String keyPart(Group group, String dateField) {
        LocalDate date = dateOrNull(group, dateField);
        return date != null ? date.toString() : "line " + group.line();
    }

    private static LocalDate dateOrNull(Group group, String field) {
        try {
            return group.optionalDate(field);
        } catch (RowProblem e) {
            return null; // reported with the group's own row
        }
    }

    /** A record id the census lacks, made from the child, the kind of record and its start: the same every year. */
    static String recordId(String child, String kind, LocalDate start) {
        return child + "-" + kind + "-" + COMPACT.format(start);
    }
}
