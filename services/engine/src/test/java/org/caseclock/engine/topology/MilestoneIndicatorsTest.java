package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.caseclock.events.out.Status;
import org.caseclock.events.out.Alert;
import org.junit.jupiter.api.Test;

/** MILESTONE indicators, one worked example each, dates counted by hand. */
class MilestoneIndicatorsTest {

    private static final String CHILD = "child/C1";

    @Test
    void fd1_aDecisionWithin24HoursOnTheInstantIsOnTime_andOneMinuteLaterIsLate() {
        try (EngineHarness engine = new EngineHarness("2026-01-07T12:00:00Z")) {
            engine.send(CHILD, "CaseAllocated", "2026-01-01T09:00:00Z", "team", "MASH", "worker", null);
            engine.send(CHILD, "ContactReceived", "2026-01-05T09:00:00Z", "contactId", "K1");
            engine.send(CHILD, "ContactDecided", "2026-01-06T09:00:00Z", "contactId", "K1", "outcome", "REFERRAL");
            engine.send(CHILD, "ContactReceived", "2026-01-05T10:00:00Z", "contactId", "K2");
            engine.send(CHILD, "ContactDecided", "2026-01-06T10:01:00Z", "contactId", "K2", "outcome", "NFA");
            assertThat(engine.item(CHILD, "FD1", "K1").status()).isEqualTo(Status.ON_TIME);
            assertThat(engine.item(CHILD, "FD1", "K2").status()).isEqualTo(Status.LATE);
            assertThat(engine.tally("FD1", "team/MASH", "2026-01")).containsExactly(1, 2);
        }
    }

    @Test
    void fd1_anUndecidedContactTurnsOverdueOnTheHour_notAtMidnight() {
        try (EngineHarness engine = new EngineHarness("2026-01-06T08:00:00Z")) {
            engine.send(CHILD, "ContactReceived", "2026-01-05T09:00:00Z", "contactId", "K1");
            assertThat(engine.item(CHILD, "FD1", "K1").status()).isEqualTo(Status.PENDING);
            assertThat(engine.tally("FD1", "LA", "2026-01")).containsExactly(0, 0);
            engine.advanceTo("2026-01-06T09:00:01Z");
            assertThat(engine.item(CHILD, "FD1", "K1").status()).isEqualTo(Status.OVERDUE);
            assertThat(engine.tally("FD1", "LA", "2026-01")).containsExactly(0, 1);
        }
    }

    @Test
    void amt2_assessmentDue45WorkingDaysOn_overChristmasAndNewYear_countedInTheMonthCompleted() {
        // Mon 1 Dec 2025 + 45 WD (25, 26 Dec and 1 Jan are holidays) = Thu 5 Feb 2026
        try (EngineHarness engine = new EngineHarness("2026-02-10T12:00:00Z")) {
            engine.send(CHILD, "AssessmentStarted", "2025-12-01T10:00:00Z", "assessmentId", "A1");
            engine.send(CHILD, "AssessmentCompleted", "2026-02-05T16:00:00Z", "assessmentId", "A1", "outcome", "CIN");
            engine.send("child/C2", "AssessmentStarted", "2025-12-01T10:00:00Z", "assessmentId", "A2");
            engine.send("child/C2", "AssessmentCompleted", "2026-02-06T10:00:00Z", "assessmentId", "A2", "outcome", "NFA");
            assertThat(engine.item(CHILD, "AMT2", "A1").due()).isEqualTo(LocalDate.of(2026, 2, 5));
            assertThat(engine.item(CHILD, "AMT2", "A1").status()).isEqualTo(Status.ON_TIME);
            assertThat(engine.item("child/C2", "AMT2", "A2").status()).isEqualTo(Status.LATE);
            assertThat(engine.tally("AMT2", "LA", "2026-02")).containsExactly(1, 2);
            assertThat(engine.tally("AMT2", "LA", "2025-12")).containsExactly(0, 0);
        }
    }

    @Test
    void amt2_anOpenOverdueAssessmentIsListedButInNoMonth() {
        try (EngineHarness engine = new EngineHarness("2026-02-10T12:00:00Z")) {
            engine.send(CHILD, "AssessmentStarted", "2025-12-01T10:00:00Z", "assessmentId", "A1");
            assertThat(engine.item(CHILD, "AMT2", "A1").status()).isEqualTo(Status.OVERDUE);
            assertThat(engine.item(CHILD, "AMT2", "A1").period()).isNull();
            assertThat(engine.tally("AMT2", "LA", "2026-02")).containsExactly(0, 0);
        }
    }

    @Test
    void mc6_returnInterviewWithin72HoursOfReturn_evenWithNoRecordedStart() {
        try (EngineHarness engine = new EngineHarness("2026-01-13T12:00:00Z")) {
            engine.send(CHILD, "MissingEpisodeEnded", "2026-01-09T18:00:00Z", "episodeId", "M1");
            engine.send(CHILD, "ReturnInterviewCompleted", "2026-01-12T17:59:00Z", "episodeId", "M1");
            assertThat(engine.item(CHILD, "MC6", "M1").status()).isEqualTo(Status.ON_TIME);
        }
    }

    @Test
    void mc6_noReturnInterviewRaisesOneAlertAt72Hours_resolvedOnceWhenItArrivesLate() {
        try (EngineHarness engine = new EngineHarness("2026-01-12T17:00:00Z")) {
            engine.send(CHILD, "CaseAllocated", "2026-01-01T09:00:00Z", "team", "T1", "worker", "W1");
            engine.send(CHILD, "MissingEpisodeStarted", "2026-01-08T18:00:00Z", "episodeId", "M1");
            engine.send(CHILD, "MissingEpisodeEnded", "2026-01-09T18:00:00Z", "episodeId", "M1");
            assertThat(engine.alerts()).isEmpty();
            engine.advanceTo("2026-01-12T18:00:02Z");
            assertThat(engine.alerts()).singleElement().satisfies(a -> {
                assertThat(a.code()).isEqualTo("MC6");
                assertThat(a.state()).isEqualTo(Alert.State.OPEN);
                assertThat(a.team()).isEqualTo("T1");
            });
            engine.advanceTo("2026-01-12T20:00:00Z");
            engine.send(CHILD, "ReturnInterviewCompleted", "2026-01-12T19:00:00Z", "episodeId", "M1");
            assertThat(engine.alerts()).hasSize(2);
            assertThat(engine.alerts().get(1).state()).isEqualTo(Alert.State.RESOLVED);
            assertThat(engine.item(CHILD, "MC6", "M1").status()).isEqualTo(Status.LATE);
        }
    }

    /** Issue 11, caseclock.engine.alert-horizon (default 7 days): an alert means "act now". */
    @Test
    void mc6_anItemOverdueForMoreThanTheAlertHorizonWhenTheEngineLearnsOfItIsOverdueButRaisesNoAlert_aFreshOneDoes() {
        // Given the engine starts on Tue 20 Jan 2026 at 12:00 and is sent a history
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send(CHILD, "CaseAllocated", "2026-01-01T09:00:00Z", "team", "T1", "worker", "W1");
            // When it learns of a return on Fri 9 Jan 18:00 with no interview: due Mon 12 Jan 18:00, 7 d 18 h ago
            engine.send(CHILD, "MissingEpisodeStarted", "2026-01-08T18:00:00Z", "episodeId", "M1");
            engine.send(CHILD, "MissingEpisodeEnded", "2026-01-09T18:00:00Z", "episodeId", "M1");
            // And of a return on Wed 14 Jan 10:00: due Sat 17 Jan 10:00, 3 d 2 h ago, within the horizon
            engine.send(CHILD, "MissingEpisodeStarted", "2026-01-13T18:00:00Z", "episodeId", "M2");
            engine.send(CHILD, "MissingEpisodeEnded", "2026-01-14T10:00:00Z", "episodeId", "M2");

            // Then both are OVERDUE in the lists and figures, but only the recent one alerts
            assertThat(engine.item(CHILD, "MC6", "M1").status()).isEqualTo(Status.OVERDUE);
            assertThat(engine.item(CHILD, "MC6", "M2").status()).isEqualTo(Status.OVERDUE);
            assertThat(engine.tally("MC6", "team/T1", "2026-01")).containsExactly(0, 2);
            assertThat(engine.alerts()).singleElement().satisfies(a -> {
                assertThat(a.itemId()).isEqualTo("M2");
                assertThat(a.state()).isEqualTo(Alert.State.OPEN);
            });

            // When the old one's interview arrives late / Then there is nothing to resolve, and nothing is raised
            engine.send(CHILD, "ReturnInterviewCompleted", "2026-01-20T11:00:00Z", "episodeId", "M1");
            assertThat(engine.item(CHILD, "MC6", "M1").status()).isEqualTo(Status.LATE);
            assertThat(engine.alerts()).hasSize(1);
        }
    }

    @Test
    void mc15_thirdMissingEpisodeInAMonthNeedsAStrategyDiscussionWithin3WorkingDays_overEaster() {
        // Third episode Thu 2 Apr 2026; Good Friday and Easter Monday are holidays: due Thu 9 Apr.
        // Overdue from midnight London time on 10 Apr (BST: 23:00 UTC on 9 Apr).
        try (EngineHarness engine = new EngineHarness("2026-04-09T12:00:00Z")) {
            engine.send(CHILD, "CaseAllocated", "2026-03-01T09:00:00Z", "team", "T2", "worker", "W2");
            engine.send(CHILD, "MissingEpisodeStarted", "2026-04-01T08:00:00Z", "episodeId", "M1");
            engine.send(CHILD, "MissingEpisodeStarted", "2026-04-02T08:00:00Z", "episodeId", "M2");
            engine.send(CHILD, "MissingEpisodeStarted", "2026-04-02T20:00:00Z", "episodeId", "M3");
            // A repeated start of an open episode does not count twice
            engine.send(CHILD, "MissingEpisodeStarted", "2026-04-02T21:00:00Z", "episodeId", "M3");
            assertThat(engine.item(CHILD, "MC15", "2026-04").due()).isEqualTo(LocalDate.of(2026, 4, 9));
            assertThat(engine.item(CHILD, "MC15", "2026-04").status()).isEqualTo(Status.PENDING);
            engine.advanceTo("2026-04-09T22:59:00Z");
            assertThat(engine.alerts()).isEmpty();
            engine.advanceTo("2026-04-09T23:00:01Z");
            assertThat(engine.item(CHILD, "MC15", "2026-04").status()).isEqualTo(Status.OVERDUE);
            assertThat(engine.alerts()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(Alert.State.OPEN));
            // Delivered again, the same events raise nothing more
            engine.advanceTo("2026-04-13T12:00:00Z");
            engine.event(CHILD, "MissingEpisodeStarted", "2026-04-02T20:00:00Z", "episodeId", "M3").id("ev-3").send();
            assertThat(engine.alerts()).hasSize(1);
            // When the strategy discussion is held late, the alert resolves once
            engine.send(CHILD, "StrategyDiscussionHeld", "2026-04-13T10:00:00Z", "strategyId", "S1", "reason", "MISSING");
            assertThat(engine.item(CHILD, "MC15", "2026-04").status()).isEqualTo(Status.LATE);
            assertThat(engine.alerts()).hasSize(2);
            assertThat(engine.alerts().get(1).state()).isEqualTo(Alert.State.RESOLVED);
            assertThat(engine.tally("MC15", "team/T2", "2026-04")).containsExactly(0, 1);
        }
    }

    @Test
    void mc15_aMissingStrategyDiscussionEarlierInTheSameMonthCounts() {
        try (EngineHarness engine = new EngineHarness("2026-01-25T12:00:00Z")) {
            engine.send(CHILD, "StrategyDiscussionHeld", "2026-01-02T10:00:00Z", "strategyId", "S1", "reason", "MISSING");
            engine.send(CHILD, "MissingEpisodeStarted", "2026-01-05T08:00:00Z", "episodeId", "M1");
            engine.send(CHILD, "MissingEpisodeStarted", "2026-01-12T08:00:00Z", "episodeId", "M2");
            engine.send(CHILD, "MissingEpisodeStarted", "2026-01-20T08:00:00Z", "episodeId", "M3");
            assertThat(engine.item(CHILD, "MC15", "2026-01").status()).isEqualTo(Status.ON_TIME);
        }
    }

    @Test
    void cla18_initialHealthAssessmentWithin20WorkingDays_cancelledIfCareEndsWhilePending() {
        // Wed 10 Dec 2025 + 20 WD (25, 26 Dec and 1 Jan are holidays) = Mon 12 Jan 2026
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send(CHILD, "BecameLookedAfter", "2025-12-10T10:00:00Z", "episodeId", "E1");
            engine.send(CHILD, "HealthAssessmentCompleted", "2026-01-12T15:00:00Z", "kind", "INITIAL");
            assertThat(engine.item(CHILD, "CLA18", "E1").due()).isEqualTo(LocalDate.of(2026, 1, 12));
            assertThat(engine.item(CHILD, "CLA18", "E1").status()).isEqualTo(Status.ON_TIME);

            engine.send("child/C2", "BecameLookedAfter", "2025-12-10T10:00:00Z", "episodeId", "E2");
            engine.send("child/C2", "HealthAssessmentCompleted", "2026-01-13T09:00:00Z", "kind", "INITIAL");
            assertThat(engine.item("child/C2", "CLA18", "E2").status()).isEqualTo(Status.LATE);

            engine.send("child/C3", "BecameLookedAfter", "2025-12-10T10:00:00Z", "episodeId", "E3");
            engine.send("child/C3", "CeasedLookedAfter", "2025-12-20T10:00:00Z", "episodeId", "E3");
            assertThat(engine.item("child/C3", "CLA18", "E3").status()).isEqualTo(Status.CANCELLED);
            assertThat(engine.tally("CLA18", "LA", "2025-12")).containsExactly(1, 2);
        }
    }

    @Test
    void cancellation_aCaseClosedAfterTheDeadlineLeavesTheItemOverdue_andALateCompletionMakesItLate() {
        try (EngineHarness engine = new EngineHarness("2026-02-20T12:00:00Z")) {
            engine.send(CHILD, "AssessmentStarted", "2025-12-01T10:00:00Z", "assessmentId", "A1");
            engine.send(CHILD, "CaseClosed", "2026-02-10T10:00:00Z", "reason", "moved");
            assertThat(engine.item(CHILD, "AMT2", "A1").status()).isEqualTo(Status.OVERDUE);
        }
    }
}
