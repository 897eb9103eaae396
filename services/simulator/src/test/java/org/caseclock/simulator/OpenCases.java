package org.caseclock.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventType;

/**
 * Counts open cases as INDICATORS.md defines them (opened by a referral, assessment, plan, care
 * or leaving care start after the last closure), from events in any order: a child's case is
 * open at T when its latest opening event up to T is later than its latest closure.
 */
final class OpenCases {

    private static final Set<EventType> OPENERS = Set.of(EventType.ReferralReceived, EventType.AssessmentStarted,
            EventType.CinPlanStarted, EventType.CpPlanStarted, EventType.BecameLookedAfter, EventType.LeavingCareStarted);

    private final Instant asAt;
    private final Map<String, Instant> opened = new HashMap<>();
    private final Map<String, Instant> closed = new HashMap<>();

    OpenCases(Instant asAt) {
        this.asAt = asAt;
    }

    void add(CaseEvent event) {
        if (event.timeInstant().isAfter(asAt)) {
            return;
        }
        if (OPENERS.contains(event.type())) {
            opened.merge(event.subject().id(), event.timeInstant(), OpenCases::later);
        } else if (event.type() == EventType.CaseClosed) {
            closed.merge(event.subject().id(), event.timeInstant(), OpenCases::later);
        }
    }

    long count() {
        return opened.entrySet().stream()
                .filter(open -> !closed.containsKey(open.getKey()) || open.getValue().isAfter(closed.get(open.getKey())))
                .count();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
