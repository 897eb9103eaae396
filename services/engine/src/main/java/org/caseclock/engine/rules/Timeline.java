package org.caseclock.engine.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.events.Subject;

/**
 * The facts of one subject's history, each with the instant it became true: episodes, case
 * periods, allocations, birth dates and the activities themselves. Built once from the history
 * in rule order (time, recordedat, id); any rule can then ask "as at T" of it without replaying,
 * which is what makes a month-end checkpoint or a wall-clock wake-up cheap.
 */
public final class Timeline {

    /** EARLY_HELP is not social care: it opens no case and a CaseClosed does not end it. */
    public enum EpisodeKind { CIN_PLAN, CP_PLAN, LOOKED_AFTER, LEAVING_CARE, ASSESSMENT, MISSING, CONTACT, CARER_APPROVED, EARLY_HELP }

    /** An episode, open from {@code start} until {@code end} (null while open). */
    public record Episode(EpisodeKind kind, String id, Instant start, Instant end) {
        public LocalDate startDate() {
            return London.date(start);
        }

        public boolean openAt(Instant t) {
            return !start.isAfter(t) && (end == null || end.isAfter(t));
        }
    }

    public record CasePeriod(Instant open, Instant close) {
        public boolean openAt(Instant t) {
            return !open.isAfter(t) && (close == null || close.isAfter(t));
        }
    }

    /** From {@code from} on, the subject sits with this team and worker; a null team is UNALLOCATED. */
    public record Allocation(Instant from, String team, String worker) {}

    /** Contradictory but valid input, counted for the data-quality view. */
    public enum Anomaly { VISIT_WITHOUT_EPISODE, END_WITHOUT_START, RETRACTION_OF_UNKNOWN_ID }

    private static final Set<EventType> CASE_OPENERS = Set.of(EventType.ReferralReceived, EventType.AssessmentStarted,
            EventType.CinPlanStarted, EventType.CpPlanStarted, EventType.BecameLookedAfter, EventType.LeavingCareStarted);

    private final Subject subject;
    private final List<CaseEvent> events;
    private final Map<EventType, List<CaseEvent>> byType = new EnumMap<>(EventType.class);
    private final Map<EpisodeKind, List<Episode>> episodes = new EnumMap<>(EpisodeKind.class);
    private final List<CasePeriod> cases = new ArrayList<>();
    private final List<Allocation> allocations = new ArrayList<>();
    private final List<CaseEvent> closures = new ArrayList<>();
    private final List<CaseEvent> birthDates = new ArrayList<>();
    private final Map<Anomaly, Integer> anomalies = new EnumMap<>(Anomaly.class);

    private Timeline(Subject subject, List<CaseEvent> events, int unknownRetractions) {
        this.subject = subject;
        this.events = events;
        if (unknownRetractions > 0) {
            anomalies.put(Anomaly.RETRACTION_OF_UNKNOWN_ID, unknownRetractions);
        }
        build();
    }

    /**
     * The timeline of {@code history} (any order, duplicates already removed), keeping only events
     * recorded at or before {@code recordedCutoff} when one is given: that is how a month is seen
     * "as first reported".
     */
    public static Timeline of(Subject subject, List<CaseEvent> history, Instant recordedCutoff) {
        List<CaseEvent> known = new ArrayList<>(history.size());
        for (CaseEvent e : history) {
            if (recordedCutoff == null || e.recordedat() == null || !e.recordedInstant().isAfter(recordedCutoff)) {
                known.add(e);
            }
        }
        Map<String, CaseEvent> byId = new HashMap<>();
        for (CaseEvent e : known) {
            byId.put(e.id(), e);
        }
        Set<String> retracted = new HashSet<>();
        int unknown = 0;
        for (CaseEvent e : known) {
            if (e.data() instanceof EventData.EventRetracted r && isEffective(e, byId, new HashSet<>())) {
                if (byId.containsKey(r.retractedId())) {
                    retracted.add(r.retractedId());
                } else {
                    unknown++;
                }
            }
        }
        List<CaseEvent> effective = new ArrayList<>(known.size());
        for (CaseEvent e : known) {
            if (e.type() != EventType.EventRetracted && !retracted.contains(e.id())) {
                effective.add(e);
            }
        }
        effective.sort(RuleOrder.COMPARATOR);
        return new Timeline(subject, Collections.unmodifiableList(effective), unknown);
    }

    /** A retraction counts unless it is itself retracted by a retraction that counts. */
    private static boolean isEffective(CaseEvent retraction, Map<String, CaseEvent> byId, Set<String> seen) {
        if (!seen.add(retraction.id())) {
            return false;
        }
        for (CaseEvent other : byId.values()) {
            if (other.data() instanceof EventData.EventRetracted r && r.retractedId().equals(retraction.id())
                    && isEffective(other, byId, seen)) {
                return false;
            }
        }
        return true;
    }

    private void build() {
        Map<EpisodeKind, Map<String, Episode>> open = new EnumMap<>(EpisodeKind.class);
        for (EpisodeKind k : EpisodeKind.values()) {
            open.put(k, new LinkedHashMap<>());
            episodes.put(k, new ArrayList<>());
        }
        Instant caseOpen = null;
        for (CaseEvent e : events) {
            byType.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e);
            Instant t = e.timeInstant();
            if (caseOpen == null && CASE_OPENERS.contains(e.type())) {
                caseOpen = t;
            }
            EventData data = e.data();
            switch (e.type()) {
                case CinPlanStarted -> start(open, EpisodeKind.CIN_PLAN, ((EventData.CinPlanStarted) data).planId(), t);
                case CinPlanEnded -> end(open, EpisodeKind.CIN_PLAN, ((EventData.CinPlanEnded) data).planId(), t);
                case CpPlanStarted -> start(open, EpisodeKind.CP_PLAN, ((EventData.CpPlanStarted) data).planId(), t);
                case CpPlanEnded -> end(open, EpisodeKind.CP_PLAN, ((EventData.CpPlanEnded) data).planId(), t);
                case BecameLookedAfter -> start(open, EpisodeKind.LOOKED_AFTER, ((EventData.BecameLookedAfter) data).episodeId(), t);
                case CeasedLookedAfter -> end(open, EpisodeKind.LOOKED_AFTER, ((EventData.CeasedLookedAfter) data).episodeId(), t);
                case LeavingCareStarted -> start(open, EpisodeKind.LEAVING_CARE, "leaving-care", t);
                case LeavingCareEnded -> end(open, EpisodeKind.LEAVING_CARE, "leaving-care", t);
                case AssessmentStarted -> start(open, EpisodeKind.ASSESSMENT, ((EventData.AssessmentStarted) data).assessmentId(), t);
                case AssessmentCompleted -> end(open, EpisodeKind.ASSESSMENT, ((EventData.AssessmentCompleted) data).assessmentId(), t);
                case MissingEpisodeStarted -> start(open, EpisodeKind.MISSING, ((EventData.MissingEpisodeStarted) data).episodeId(), t);
                // Counted as an end with no start when unmatched; MC6 still opens its RHI item at the return.
                case MissingEpisodeEnded -> end(open, EpisodeKind.MISSING, ((EventData.MissingEpisodeEnded) data).episodeId(), t);
                case ContactReceived -> start(open, EpisodeKind.CONTACT, ((EventData.ContactReceived) data).contactId(), t);
                case ContactDecided -> end(open, EpisodeKind.CONTACT, ((EventData.ContactDecided) data).contactId(), t);
                case EarlyHelpStarted -> start(open, EpisodeKind.EARLY_HELP, ((EventData.EarlyHelpStarted) data).episodeId(), t);
                case EarlyHelpEnded -> end(open, EpisodeKind.EARLY_HELP, ((EventData.EarlyHelpEnded) data).episodeId(), t);
                case CarerApproved -> start(open, EpisodeKind.CARER_APPROVED, "approval", t);
                case CarerDeregistered -> end(open, EpisodeKind.CARER_APPROVED, "approval", t);
                case CaseAllocated -> allocations.add(new Allocation(t, ((EventData.CaseAllocated) data).team(), ((EventData.CaseAllocated) data).worker()));
                case ChildRegistered -> birthDates.add(e);
                case VisitRecorded -> {
                    if (open.get(EpisodeKind.CIN_PLAN).isEmpty() && open.get(EpisodeKind.CP_PLAN).isEmpty()
                            && open.get(EpisodeKind.LOOKED_AFTER).isEmpty()) {
                        count(Anomaly.VISIT_WITHOUT_EPISODE);
                    }
                }
                case CaseClosed -> {
                    closures.add(e);
                    // Closing ends every open episode, and any open contact or missing episode even with no case open.
                    for (Map<String, Episode> byId : open.values()) {
                        for (Episode ep : byId.values()) {
                            if (endsWithTheCase(ep.kind())) {
                                episodes.get(ep.kind()).add(new Episode(ep.kind(), ep.id(), ep.start(), t));
                            }
                        }
                        byId.values().removeIf(ep -> endsWithTheCase(ep.kind()));
                    }
                    if (caseOpen != null) {
                        cases.add(new CasePeriod(caseOpen, t));
                        caseOpen = null;
                    }
                    allocations.add(new Allocation(t, null, null));
                }
                default -> { }
            }
        }
        for (Map<String, Episode> byId : open.values()) {
            for (Episode ep : byId.values()) {
                episodes.get(ep.kind()).add(ep);
            }
        }
        if (caseOpen != null) {
            cases.add(new CasePeriod(caseOpen, null));
        }
        for (List<Episode> list : episodes.values()) {
            list.sort((a, b) -> a.start().compareTo(b.start()));
        }
    }

    /** A carer's approval and early help are not parts of a child's social care case. */
    private static boolean endsWithTheCase(EpisodeKind kind) {
        return kind != EpisodeKind.CARER_APPROVED && kind != EpisodeKind.EARLY_HELP;
    }

    /** A second start of an id already open is ignored. */
    private static void start(Map<EpisodeKind, Map<String, Episode>> open, EpisodeKind kind, String id, Instant t) {
        open.get(kind).putIfAbsent(id, new Episode(kind, id, t, null));
    }

    private void end(Map<EpisodeKind, Map<String, Episode>> open, EpisodeKind kind, String id, Instant t) {
        Episode ep = open.get(kind).remove(id);
        if (ep == null) {
            count(Anomaly.END_WITHOUT_START);
        } else {
            episodes.get(kind).add(new Episode(kind, id, ep.start(), t));
        }
    }

    private void count(Anomaly a) {
        anomalies.merge(a, 1, Integer::sum);
    }

    public Subject subject() {
        return subject;
    }

    /** Every effective event in rule order. */
    public List<CaseEvent> events() {
        return events;
    }

    public List<CaseEvent> ofType(EventType type) {
        return byType.getOrDefault(type, List.of());
    }

    public List<Episode> episodes(EpisodeKind kind) {
        return episodes.get(kind);
    }

    /** The earliest-started episode of a kind open at t: two open at once count once, from the earlier. */
    public Episode openEpisode(EpisodeKind kind, Instant t) {
        for (Episode ep : episodes.get(kind)) {
            if (ep.openAt(t)) {
                return ep;
            }
        }
        return null;
    }

    /** The child's cases, in order of opening. */
    public List<CasePeriod> cases() {
        return cases;
    }

    public CasePeriod openCase(Instant t) {
        for (CasePeriod c : cases) {
            if (c.openAt(t)) {
                return c;
            }
        }
        return null;
    }

    /** Every allocation in processing order, a CaseClosed as one to no team and no worker. */
    public List<Allocation> allocations() {
        return allocations;
    }

    /** The latest allocation as at t, or UNALLOCATED (a null team) if none or the case closed since. */
    public Allocation allocationAt(Instant t) {
        Allocation current = new Allocation(Instant.MIN, null, null);
        for (Allocation a : allocations) {
            if (a.from().isAfter(t)) {
                break;
            }
            current = a;
        }
        return current;
    }

    /**
     * The team for a period item or a month-based item: as at the end of its reference date or
     * month (capped at now), or just before the case closed if it closed within that date or month.
     * "The case" is the child's case as at that end: if the next case opened after the closure,
     * within the same date or month, the new case counts, with its team at the end (UNALLOCATED
     * until it is allocated, since the closure ended the old allocation).
     */
    public Allocation allocationForPeriod(Instant periodStart, Instant periodEnd, Instant now) {
        Instant ref = periodEnd.isAfter(now) ? now : periodEnd;
        Instant lastClose = null;
        for (CaseEvent c : closures) {
            Instant t = c.timeInstant();
            if (!t.isBefore(periodStart) && !t.isAfter(ref)) {
                lastClose = t;
            }
        }
        if (lastClose != null && openCase(ref) == null) {
            Allocation before = new Allocation(Instant.MIN, null, null);
            for (Allocation a : allocations) {
                if (!a.from().isBefore(lastClose)) {
                    break;
                }
                before = a;
            }
            return before;
        }
        return allocationAt(ref);
    }

    /** Age in whole years on {@code date} from the latest birth date known at t; null with none. */
    public Integer ageOn(LocalDate date, Instant t) {
        LocalDate birth = birthDateAt(t);
        if (birth == null) {
            return null;
        }
        return ageOf(birth, date);
    }

    public LocalDate birthDateAt(Instant t) {
        LocalDate birth = null;
        for (CaseEvent e : birthDates) {
            if (e.timeInstant().isAfter(t)) {
                break;
            }
            birth = ((EventData.ChildRegistered) e.data()).birthDate();
        }
        return birth;
    }

    /** A 29 February birthday falls on 1 March in other years. */
    public static int ageOf(LocalDate birth, LocalDate on) {
        int years = on.getYear() - birth.getYear();
        LocalDate birthday = birthdayIn(birth, on.getYear());
        return on.isBefore(birthday) ? years - 1 : years;
    }

    public static LocalDate birthdayIn(LocalDate birth, int year) {
        if (birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29 && !java.time.Year.isLeap(year)) {
            return LocalDate.of(year, 3, 1);
        }
        return birth.withYear(year);
    }

    /** The date the child turns {@code years}. */
    public static LocalDate dateOfAge(LocalDate birth, int years) {
        return birthdayIn(birth, birth.getYear() + years);
    }

    public Map<Anomaly, Integer> anomalies() {
        return anomalies;
    }

    public boolean isCarer() {
        return subject.kind() == org.caseclock.events.SubjectKind.CARER;
    }

    public static String teamOf(Allocation a) {
        return a.team() == null ? Organisation.UNALLOCATED : a.team();
    }
}
