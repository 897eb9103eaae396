package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * EVENTS.md v1.1: as in CloudEvents 1.0, {@code data} is optional for a type with no required
 * field and is then read as {@code {}}. Produced straight to {@code case-events} without it, such
 * events pass the engine's own validation and count. "Now" is Mon 2 Mar 2026, 12:00.
 */
class EventsWithoutDataTest {

    @Test
    void eventsOfTypesWithNoRequiredFieldSentWithoutDataAreAppliedAndMoveQa1Cla28Mc13F3F4Cl1AndN4() {
        try (EngineHarness engine = new EngineHarness("2026-03-02T12:00:00Z")) {
            // Given a CIN case open since Mon 1 Dec 2025 (QA1: 60 D, due Fri 30 Jan 2026 without supervision)
            engine.send("child/C1", "ReferralReceived", "2025-12-01T09:00:00Z", "referralId", "R1");
            engine.send("child/C1", "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            // And a child looked after since Sun 1 Dec 2024 (CLA28 due 1 Dec 2025 without a check; QA1 60 D, overdue)
            engine.send("child/C2", "BecameLookedAfter", "2024-12-01T10:00:00Z", "episodeId", "E1");
            // And a child missing on Tue 10 Feb 2026 (MC13's February population)
            engine.send("child/C3", "MissingEpisodeStarted", "2026-02-10T20:00:00Z", "episodeId", "M1");
            // And a pathway plan written on Sun 1 Feb 2026 for a child about to leave care
            engine.send("child/C4", "PlanUpdated", "2026-02-01T10:00:00Z", "plan", "PATHWAY");

            // When these arrive with no data member at all
            engine.event("child/C1", "SupervisionRecorded", "2026-02-20T10:00:00Z").withoutData().send();
            engine.event("child/C2", "DentalCheckCompleted", "2026-01-10T10:00:00Z").withoutData().send();
            engine.event("child/C3", "MissingRiskAssessmentCompleted", "2026-02-12T10:00:00Z").withoutData().send();
            engine.event("child/C4", "LeavingCareStarted", "2026-01-01T10:00:00Z").withoutData().send();
            engine.event("carer/F1", "CarerApproved", "2025-06-02T10:00:00Z").withoutData().send();
            engine.event("carer/F1", "CarerReviewed", "2026-01-15T10:00:00Z").withoutData().send();
            engine.event("carer/F1", "CarerVisited", "2026-02-20T10:00:00Z").withoutData().send();

            // Then none is dead-lettered, and each counts
            assertThat(engine.deadLetters()).isEmpty();
            // QA1: C1 supervised 20 Feb (next due 21 Apr), C4's leaving-care case (90 D from 1 Jan: 1 Apr)
            // in time, C2 never supervised: 2 of 3
            assertThat(engine.tally("QA1", "LA", "2026-03")).containsExactly(2, 3);
            // CLA28: dental check 10 Jan 2026, next due 10 Jan 2027
            assertThat(engine.tally("CLA28", "LA", "2026-03")).containsExactly(1, 1);
            // MC13: February's missing child had a risk assessment within [1 Nov 2025, 28 Feb 2026]
            assertThat(engine.tally("MC13", "LA", "2026-02")).containsExactly(1, 1);
            // F3: reviewed 15 Jan 2026 (due 15 Jan 2027); F4: visited 20 Feb (42 D: due 3 Apr)
            assertThat(engine.tally("F3", "LA", "2026-03")).containsExactly(1, 1);
            assertThat(engine.tally("F4", "LA", "2026-03")).containsExactly(1, 1);
            // CL1: open leaving care since 1 Jan, pathway plan 1 Feb (6 M: due 1 Aug); N4 counts it
            assertThat(engine.tally("CL1", "LA", "2026-03")).containsExactly(1, 1);
            assertThat(engine.tally("N4", "LA", "2026-03")[0]).isEqualTo(1);
        }
    }
}
