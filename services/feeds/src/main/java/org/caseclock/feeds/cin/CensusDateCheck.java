package org.caseclock.feeds.cin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.feeds.delivery.RowProblem;

/**
 * The DfE's CIN census queries on open work, for a chosen date (the census date by default), beside
 * caseclock's own timescales for the same records:
 *
 * <ul>
 *   <li><b>8670Q</b>: an assessment with no authorisation date whose start is before the date minus 45
 *       working days; ours is AMT2, due at the start + 45 WD.
 *   <li><b>8675Q</b>: an S47 enquiry with no initial conference date and ICPCnotRequired false whose start
 *       is before the date minus 15 working days; ours is CP5's timescale, the start + 15 WD.
 * </ul>
 *
 * <p>Working days are counted as the DfE's validator counts them (data-to-insight/csc-validator-be-cin,
 * {@code england_working_days} and rules 8670Q, 8675Q): "the date minus N working days" is the date, moved
 * to the next working day if it is none, then N - 1 working days back; the start day is day 1 of the N.
 * INDICATORS.md counts the start as day 0, so the DfE query takes a record one working day sooner than our
 * overdue list: on the day ours says due today, the DfE's says over.
 */
public final class CensusDateCheck {

    public static final String ASSESSMENT_RULE = "8670Q";
    public static final String S47_RULE = "8675Q";

    /**
     * One open record at the date.
     *
     * @param dfeLimit the DfE rule's "date minus N working days": a start before it is over
     * @param overDfe whether the DfE rule lists it
     * @param ourDue the due date by INDICATORS.md (start + 45 or 15 WD)
     * @param overdueOurWay whether caseclock's list has it overdue at the date (the date after the due date)
     */
    public record Finding(String rule, String child, LocalDate started, LocalDate dfeLimit, boolean overDfe,
            LocalDate ourDue, boolean overdueOurWay) {}

    /** What was found, and the date checked. */
    public record Result(LocalDate at, List<Finding> open, List<String> problems) {
        public List<Finding> overDfe() {
            return open.stream().filter(Finding::overDfe).toList();
        }
    }

    private final WorkingCalendar calendar;

    public CensusDateCheck(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The census's open assessments and S47 enquiries at {@code at}, or at its census date when null. */
    public Result check(Path file, LocalDate at) throws IOException {
        List<Element> children = new ArrayList<>();
        CensusXml.Read read = CensusXml.read(file, children::add);
        LocalDate date = at != null ? at : read.referenceDate();
        if (date == null) {
            throw new IllegalArgumentException("no census date in " + file.getFileName() + " and none given");
        }
        List<Finding> open = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (read.problem() != null) {
            problems.add(read.problem());
        }
        for (Element child : children) {
            Element identifiers = child.first("ChildIdentifiers");
            String id = identifiers == null ? null : identifiers.value("LAchildID");
            if (id == null) {
                problems.add("line " + child.line() + ": a child without LAchildID is not checked");
                continue;
            }
            id = id.strip().toUpperCase(Locale.ROOT);
            for (Element details : child.all("CINdetails")) {
                for (Element element : details.all("Assessments")) {
                    Group assessment = new Group(element);
                    try {
                        LocalDate started = assessment.optionalDate("AssessmentActualStartDate");
                        LocalDate authorised = assessment.optionalDate("AssessmentAuthorisationDate");
                        if (started != null && !started.isAfter(date) && (authorised == null || authorised.isAfter(date))) {
                            open.add(finding(ASSESSMENT_RULE, id, started, date, 45));
                        }
                    } catch (RowProblem e) {
                        problems.add("line " + assessment.line() + ": " + e.getMessage());
                    }
                }
                for (Element element : details.all("Section47")) {
                    Group s47 = new Group(element);
                    try {
                        LocalDate started = s47.optionalDate("S47ActualStartDate");
                        LocalDate conference = s47.optionalDate("DateOfInitialCPC");
                        // The rule asks for ICPCnotRequired false: a blank value is not taken as false.
                        boolean needed = Boolean.FALSE.equals(s47.flag("ICPCnotRequired"));
                        if (started != null && needed && !started.isAfter(date) && (conference == null || conference.isAfter(date))) {
                            open.add(finding(S47_RULE, id, started, date, 15));
                        }
                    } catch (RowProblem e) {
                        problems.add("line " + s47.line() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new Result(date, open, problems);
    }

    private Finding finding(String rule, String child, LocalDate started, LocalDate at, int workingDays) {
        LocalDate limit = dfeMinusWorkingDays(at, workingDays);
        LocalDate due = calendar.plusWorkingDays(started, workingDays);
        return new Finding(rule, child, started, limit, started.isBefore(limit), due, at.isAfter(due));
    }

    /**
     * "The date minus N working days" as the DfE validator takes it (a pandas CustomBusinessDay of N - 1 taken
     * from the date, which numpy first rolls forward to a working day): a start before it is over the timescale.
     */
    LocalDate dfeMinusWorkingDays(LocalDate date, int workingDays) {
        LocalDate d = date;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        for (int counted = 0; counted < workingDays - 1; ) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
