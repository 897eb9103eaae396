package org.caseclock.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseclock.catalogue.time.London;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;

/**
 * Counts in a run's events the figures INDICATORS.md defines for placements and early help, as at
 * one instant (CLA1, CLA2, EH1 beside N1, EH8, EH9), so tests can pin the simulator's rates to
 * roughly the published ones. Events may come in any order; duplicates and retracted events are
 * left out. A close reading of the rules, not the engine: "at T" is by event time only.
 */
final class Rates {

    private static final Set<EventType> READ = Set.of(EventType.ChildRegistered, EventType.ReferralReceived,
            EventType.CaseClosed, EventType.CinPlanStarted, EventType.CinPlanEnded, EventType.BecameLookedAfter,
            EventType.CeasedLookedAfter, EventType.PlacementStarted, EventType.EarlyHelpStarted, EventType.EarlyHelpEnded);

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    private final Instant asAt;
    private final LocalDate today;
    private final Map<String, CaseEvent> byId = new LinkedHashMap<>();
    private final Set<String> retracted = new HashSet<>();

    private int lookedAfter;
    private int threeOrMorePlacements;
    private int longTermPopulation;
    private int longTermStable;
    private int openToEarlyHelp;
    private int cinPlans;
    private int earlyHelpEnded;
    private int steppedUp;
    private int closures;
    private int steppedDown;
    private int referrals;
    private int referralsFromEarlyHelp;

    Rates(Instant asAt) {
        this.asAt = asAt;
        this.today = London.date(asAt);
    }

    void add(CaseEvent event) {
        if (event.timeInstant().isAfter(asAt)) {
            return;
        }
        if (event.data() instanceof EventData.EventRetracted retraction) {
            retracted.add(retraction.retractedId());
        } else if (READ.contains(event.type())) {
            byId.putIfAbsent(event.id(), event);
        }
    }

    /** Reads the children's histories: call once, after the last event. */
    Rates count() {
        Map<String, List<CaseEvent>> children = new HashMap<>();
        for (CaseEvent event : byId.values()) {
            if (!retracted.contains(event.id())) {
                children.computeIfAbsent(event.subject().id(), id -> new ArrayList<>()).add(event);
            }
        }
        children.values().forEach(events -> {
            events.sort(Comparator.comparing(CaseEvent::timeInstant));
            child(events);
        });
        return this;
    }

    private void child(List<CaseEvent> events) {
        LocalDate born = null;
        LocalDate careStart = null;
        LocalDate latestPlacement = null;
        List<LocalDate> placements = new ArrayList<>();
        boolean cinPlan = false;
        boolean caseOpen = false;
        Set<String> earlyHelpOpen = new HashSet<>();
        List<LocalDate> earlyHelpStarted = new ArrayList<>();
        List<LocalDate> closedWithoutEarlyHelp = new ArrayList<>();
        LocalDate lastStepUp = null;
        LocalDate yearAgo = today.minusMonths(12);
        for (CaseEvent event : events) {
            LocalDate date = London.date(event.timeInstant());
            EventData data = event.data();
            if (data instanceof EventData.ChildRegistered r) {
                born = r.birthDate();
            } else if (data instanceof EventData.ReferralReceived) {
                caseOpen = true;
                if (date.isAfter(yearAgo)) {
                    referrals++;
                    referralsFromEarlyHelp += lastStepUp != null && !date.isAfter(lastStepUp.plusDays(1)) ? 1 : 0;
                }
            } else if (data instanceof EventData.CaseClosed) {
                if (caseOpen && date.isAfter(yearAgo)) {
                    closures++;
                    if (earlyHelpOpen.isEmpty()) {
                        closedWithoutEarlyHelp.add(date);
                    } else {
                        steppedDown++;
                    }
                }
                caseOpen = false;
                cinPlan = false;
                careStart = null;
            } else if (data instanceof EventData.CinPlanStarted) {
                cinPlan = true;
            } else if (data instanceof EventData.CinPlanEnded) {
                cinPlan = false;
            } else if (data instanceof EventData.BecameLookedAfter) {
                careStart = date;
                latestPlacement = null;
            } else if (data instanceof EventData.CeasedLookedAfter) {
                careStart = null;
            } else if (data instanceof EventData.PlacementStarted) {
                placements.add(date);
                latestPlacement = careStart != null ? date : latestPlacement;
            } else if (data instanceof EventData.EarlyHelpStarted s) {
                earlyHelpOpen.add(s.episodeId());
                earlyHelpStarted.add(date);
            } else if (data instanceof EventData.EarlyHelpEnded e) {
                earlyHelpOpen.remove(e.episodeId());
                if (date.isAfter(yearAgo)) {
                    earlyHelpEnded++;
                    steppedUp += e.reason() == EventData.EarlyHelpEndReason.STEP_UP ? 1 : 0;
                }
                lastStepUp = e.reason() == EventData.EarlyHelpEndReason.STEP_UP ? date : lastStepUp;
            }
        }
        for (LocalDate closed : closedWithoutEarlyHelp) {
            LocalDate until = CALENDAR.plusWorkingDays(closed, 20);
            steppedDown += earlyHelpStarted.stream().anyMatch(d -> !d.isBefore(closed) && !d.isAfter(until)) ? 1 : 0;
        }
        openToEarlyHelp += earlyHelpOpen.isEmpty() ? 0 : 1;
        cinPlans += cinPlan ? 1 : 0;
        if (careStart == null) {
            return;
        }
        lookedAfter++;
        threeOrMorePlacements += placements.stream().filter(d -> d.isAfter(yearAgo) && !d.isAfter(today)).count() >= 3 ? 1 : 0;
        if (born != null && born.plusYears(16).isAfter(today) && !careStart.isAfter(today.minusMonths(30))) {
            longTermPopulation++;
            LocalDate placed = latestPlacement != null ? latestPlacement : careStart;
            longTermStable += placed.isAfter(today.minusMonths(24)) ? 0 : 1;
        }
    }

    int lookedAfter() {
        return lookedAfter;
    }

    int longTermPopulation() {
        return longTermPopulation;
    }

    /** CLA1: of children looked after, those with 3 or more placements started in the last 12 months. */
    double threeOrMorePlacements() {
        return share(threeOrMorePlacements, lookedAfter);
    }

    /** CLA2: of children under 16 in care 2.5 years or more, those in the same placement 2 years or more. */
    double longTermStability() {
        return share(longTermStable, longTermPopulation);
    }

    /** EH1. */
    int openToEarlyHelp() {
        return openToEarlyHelp;
    }

    /** N1. */
    int cinPlans() {
        return cinPlans;
    }

    /** EH8, over the last 12 months. */
    double earlyHelpSteppedUp() {
        return share(steppedUp, earlyHelpEnded);
    }

    /** EH9, over the last 12 months. */
    double steppedDownToEarlyHelp() {
        return share(steppedDown, closures);
    }

    /** Of referrals in the last 12 months, those made the day an early help episode stepped up, or the next. */
    double referralsFromEarlyHelp() {
        return share(referralsFromEarlyHelp, referrals);
    }

    private static double share(int of, int in) {
        return in == 0 ? Double.NaN : (double) of / in;
    }

    @Override
    public String toString() {
        return String.format("CLA1 %.1f%% of %d looked after; CLA2 %.1f%% of %d; EH1 %d beside N1 %d (%.2f times); "
                        + "EH8 %.1f%%; EH9 %.1f%%; referrals from early help %.1f%%",
                100 * threeOrMorePlacements(), lookedAfter, 100 * longTermStability(), longTermPopulation,
                openToEarlyHelp, cinPlans, (double) openToEarlyHelp / cinPlans, 100 * earlyHelpSteppedUp(),
                100 * steppedDownToEarlyHelp(), 100 * referralsFromEarlyHelp());
    }
}
