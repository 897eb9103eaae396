package org.caseclock.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.caseclock.catalogue.time.London;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;

/**
 * The on-time share of the simplest MILESTONE and RATIO indicators (FD1, AMT2, CP5, CLA18, MC6),
 * counted over completed items only: a rough check that the simulated punctuality lands where
 * meant, not a second engine. Events are taken in sending order, which is close enough here.
 */
final class Milestones {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();
    private final Map<String, Instant> contacts = new HashMap<>();
    private final Map<String, LocalDate> assessments = new HashMap<>();
    private final Map<String, LocalDate> strategies = new HashMap<>();
    private final Map<String, LocalDate> cameIntoCare = new HashMap<>();
    private final Map<String, Instant> returned = new HashMap<>();
    private final Share fd1 = new Share();
    private final Share amt2 = new Share();
    private final Share cp5 = new Share();
    private final Share cla18 = new Share();
    private final Share mc6 = new Share();

    static final class Share {
        private int onTime;
        private int all;

        void add(boolean inTime) {
            all++;
            onTime += inTime ? 1 : 0;
        }

        double value() {
            return all == 0 ? Double.NaN : (double) onTime / all;
        }

        int items() {
            return all;
        }
    }

    void add(CaseEvent event) {
        String child = event.subject().id();
        LocalDate date = London.date(event.timeInstant());
        EventData data = event.data();
        if (data instanceof EventData.ContactReceived c) {
            contacts.put(c.contactId(), event.timeInstant());
        } else if (data instanceof EventData.ContactDecided c && contacts.containsKey(c.contactId())) {
            fd1.add(!event.timeInstant().isAfter(contacts.remove(c.contactId()).plus(Duration.ofHours(24))));
        } else if (data instanceof EventData.AssessmentStarted a) {
            assessments.put(a.assessmentId(), date);
        } else if (data instanceof EventData.AssessmentCompleted a && assessments.containsKey(a.assessmentId())) {
            amt2.add(!date.isAfter(calendar.plusWorkingDays(assessments.remove(a.assessmentId()), 45)));
        } else if (data instanceof EventData.StrategyDiscussionHeld s) {
            strategies.put(s.strategyId(), date);
        } else if (data instanceof EventData.InitialConferenceHeld c && strategies.containsKey(c.strategyId())) {
            cp5.add(!date.isAfter(calendar.plusWorkingDays(strategies.get(c.strategyId()), 15)));
        } else if (data instanceof EventData.BecameLookedAfter) {
            cameIntoCare.put(child, date);
        } else if (data instanceof EventData.HealthAssessmentCompleted h
                && h.kind() == EventData.HealthAssessmentKind.INITIAL && cameIntoCare.containsKey(child)) {
            cla18.add(!date.isAfter(calendar.plusWorkingDays(cameIntoCare.remove(child), 20)));
        } else if (data instanceof EventData.MissingEpisodeEnded m) {
            returned.put(m.episodeId(), event.timeInstant());
        } else if (data instanceof EventData.ReturnInterviewCompleted r && returned.containsKey(r.episodeId())) {
            mc6.add(!event.timeInstant().isAfter(returned.remove(r.episodeId()).plus(Duration.ofHours(72))));
        }
    }

    Map<String, Share> byCode() {
        return Map.of("FD1", fd1, "AMT2", amt2, "CP5", cp5, "CLA18", cla18, "MC6", mc6);
    }
}
