package org.caseclock.engine.topology;

import org.caseclock.events.out.IndicatorValue;
import static org.assertj.core.api.Assertions.assertThat;

import org.caseclock.events.out.Status;
import org.junit.jupiter.api.Test;

/** RATIO and COUNT indicators, one worked example each. */
class RatioAndCountIndicatorsTest {

    @Test
    void fd7_aReferralLedToAnAssessmentWhenOneNamesIt() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send("child/C1", "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R1");
            engine.send("child/C1", "AssessmentStarted", "2026-01-06T10:00:00Z", "assessmentId", "A1", "referralId", "R1");
            engine.send("child/C2", "ReferralReceived", "2026-01-07T10:00:00Z", "referralId", "R2");
            assertThat(engine.item("child/C1", "FD7", "R1").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C2", "FD7", "R2").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.tally("FD7", "LA", "2026-01")).containsExactly(1, 2);
        }
    }

    @Test
    void fd8_aReReferralIsOneWithAnotherDatedInTheTwelveMonthsBefore_startInclusive() {
        try (EngineHarness engine = new EngineHarness("2026-02-20T12:00:00Z")) {
            // 10 Feb 2026 - 12 M = 10 Feb 2025: a referral on that date is inside [d - 12 M, d)
            engine.send("child/C1", "ReferralReceived", "2025-02-10T10:00:00Z", "referralId", "R1");
            engine.send("child/C1", "ReferralReceived", "2026-02-10T10:00:00Z", "referralId", "R2");
            // 11 Feb 2026: the window starts 11 Feb 2025, so 10 Feb 2025 is outside
            engine.send("child/C2", "ReferralReceived", "2025-02-10T10:00:00Z", "referralId", "R3");
            engine.send("child/C2", "ReferralReceived", "2026-02-11T10:00:00Z", "referralId", "R4");
            assertThat(engine.item("child/C1", "FD8", "R2").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C2", "FD8", "R4").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.tally("FD8", "LA", "2026-02")).containsExactly(1, 2);
            assertThat(engine.tally("FD8", "LA", "2025-02")).containsExactly(0, 2);
        }
    }

    @Test
    void amt3AndAmt4_seenAndNoFurtherActionAmongAssessmentsCompleted() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send("child/C1", "AssessmentCompleted", "2026-01-05T10:00:00Z", "assessmentId", "A1",
                    "outcome", "NFA", "childSeen", true);
            engine.send("child/C2", "AssessmentCompleted", "2026-01-06T10:00:00Z", "assessmentId", "A2", "outcome", "CIN");
            assertThat(engine.tally("AMT3", "LA", "2026-01")).containsExactly(1, 2);
            assertThat(engine.tally("AMT4", "LA", "2026-01")).containsExactly(1, 2);
        }
    }

    @Test
    void cp5_icpcWithin15WorkingDaysOfTheS47StrategyDiscussion_acrossChristmas() {
        // Mon 15 Dec 2025 + 15 WD (25, 26 Dec and 1 Jan are holidays) = Thu 8 Jan 2026
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send("child/C1", "StrategyDiscussionHeld", "2025-12-15T10:00:00Z", "strategyId", "S1", "reason", "S47");
            engine.send("child/C1", "InitialConferenceHeld", "2026-01-08T10:00:00Z", "conferenceId", "I1",
                    "strategyId", "S1", "outcome", "CP_PLAN");
            // No strategyId: linked to the latest S47 discussion on or before the ICPC
            engine.send("child/C2", "StrategyDiscussionHeld", "2025-12-15T10:00:00Z", "strategyId", "S2", "reason", "S47");
            engine.send("child/C2", "InitialConferenceHeld", "2026-01-09T10:00:00Z", "conferenceId", "I2", "outcome", "CIN");
            // An ICPC with no S47 discussion to link to is left out
            engine.send("child/C3", "StrategyDiscussionHeld", "2025-12-15T10:00:00Z", "strategyId", "S3", "reason", "MISSING");
            engine.send("child/C3", "InitialConferenceHeld", "2026-01-05T10:00:00Z", "conferenceId", "I3", "outcome", "NFA");
            assertThat(engine.item("child/C1", "CP5", "I1").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C2", "CP5", "I2").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.item("child/C3", "CP5", "I3")).isNull();
            assertThat(engine.tally("CP5", "LA", "2026-01")).containsExactly(1, 2);
        }
    }

    @Test
    void cp14_aSecondCpPlanCountsAsSubsequent() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send("child/C1", "CpPlanStarted", "2025-03-01T10:00:00Z", "planId", "P1");
            engine.send("child/C1", "CpPlanEnded", "2025-09-01T10:00:00Z", "planId", "P1");
            engine.send("child/C1", "CpPlanStarted", "2026-01-10T10:00:00Z", "planId", "P2");
            assertThat(engine.tally("CP14", "LA", "2025-03")).containsExactly(0, 1);
            assertThat(engine.tally("CP14", "LA", "2026-01")).containsExactly(1, 1);
        }
    }

    @Test
    void mc13_riskAssessmentMustFallInTheThreeMonthsToMonthEnd() {
        try (EngineHarness engine = new EngineHarness("2026-02-10T12:00:00Z")) {
            // January: E = 31 Jan, window [31 Oct 2025, 31 Jan 2026]
            engine.send("child/C1", "MissingRiskAssessmentCompleted", "2025-10-25T10:00:00Z");
            engine.send("child/C1", "MissingEpisodeStarted", "2026-01-20T10:00:00Z", "episodeId", "M1");
            engine.send("child/C2", "MissingRiskAssessmentCompleted", "2025-11-01T10:00:00Z");
            engine.send("child/C2", "MissingEpisodeStarted", "2026-01-20T10:00:00Z", "episodeId", "M2");
            assertThat(engine.item("child/C1", "MC13", "2026-01").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.item("child/C2", "MC13", "2026-01").status()).isEqualTo(Status.MET);
            assertThat(engine.tally("MC13", "LA", "2026-01")).containsExactly(1, 2);
        }
    }

    @Test
    void mc1_childrenWithThreeOrMoreMissingEpisodesStartedInTheMonth() {
        try (EngineHarness engine = new EngineHarness("2026-02-10T12:00:00Z")) {
            for (int i = 1; i <= 3; i++) {
                engine.send("child/C1", "MissingEpisodeStarted", "2026-01-0" + i + "T10:00:00Z", "episodeId", "M" + i);
            }
            engine.send("child/C2", "MissingEpisodeStarted", "2026-01-05T10:00:00Z", "episodeId", "X1");
            engine.send("child/C2", "MissingEpisodeStarted", "2026-01-06T10:00:00Z", "episodeId", "X2");
            assertThat(engine.value("MC1", "LA", "2026-01").numerator()).isEqualTo(1);
        }
    }

    @Test
    void w1_aMonthAsFirstReportedLeavesOutAnAllocationRecordedAfterItEnded() {
        try (EngineHarness engine = new EngineHarness("2026-02-10T12:00:00Z")) {
            // Given two children referred in January; C1 allocated to W1 in team T1 at once
            engine.send("child/C1", "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R1");
            engine.send("child/C1", "CaseAllocated", "2026-01-05T11:00:00Z", "team", "T1", "worker", "W1");
            engine.send("child/C2", "ReferralReceived", "2026-01-06T10:00:00Z", "referralId", "R2");
            // When C2's allocation to W2, made on 6 January, is only recorded on 3 February
            engine.event("child/C2", "CaseAllocated", "2026-01-06T11:00:00Z", "team", "T1", "worker", "W2")
                    .recordedAt("2026-02-03T09:00:00Z").send();
            // Then January, as at its last instant, has two cases with a worker and two workers
            IndicatorValue january = engine.value("W1", "team/T1", "2026-01");
            assertThat(new long[] {january.numerator(), january.denominator()}).containsExactly(2, 2);
            // And as first reported on 31 January, C2 had no worker yet: one case, one worker
            assertThat(january.firstReportedNumerator()).isEqualTo(1);
            assertThat(january.firstReportedDenominator()).isEqualTo(1);
            // And February so far has both, with nothing first reported while it runs
            IndicatorValue february = engine.value("W1", "team/T1", "2026-02");
            assertThat(new long[] {february.numerator(), february.denominator()}).containsExactly(2, 2);
            assertThat(february.firstReportedNumerator()).isNull();
        }
    }

    @Test
    void w1_averageCaseloadIsOpenCasesWithAWorkerOverDistinctWorkers() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            for (String c : new String[] {"child/C1", "child/C2"}) {
                engine.send(c, "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R" + c.substring(6));
                engine.send(c, "CaseAllocated", "2026-01-05T11:00:00Z", "team", "T1", "worker", "W1");
            }
            engine.send("child/C3", "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R3");
            engine.send("child/C3", "CaseAllocated", "2026-01-05T11:00:00Z", "team", "T1", "worker", "W2");
            assertThat(engine.tally("W1", "team/T1", "2026-01")).containsExactly(3, 2);
            // When W1's second case closes, W1 still holds one
            engine.send("child/C2", "CaseClosed", "2026-01-10T10:00:00Z", "reason", "done");
            assertThat(engine.tally("W1", "team/T1", "2026-01")).containsExactly(2, 2);
        }
    }

    @Test
    void w2_unallocatedCasesCountOnceOpenSevenDays() {
        try (EngineHarness engine = new EngineHarness("2026-01-11T12:00:00Z")) {
            engine.send("child/C1", "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R1");
            engine.send("child/C1", "CaseAllocated", "2026-01-05T11:00:00Z", "team", "T1", "worker", null);
            assertThat(engine.tally("W2", "team/T1", "2026-01")).containsExactly(0, 0);
            engine.advanceTo("2026-01-12T00:00:01Z");
            assertThat(engine.tally("W2", "team/T1", "2026-01")).containsExactly(1, 0);
        }
    }

    @Test
    void n1ToN4_openEpisodeCounts() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send("child/C1", "CinPlanStarted", "2026-01-05T10:00:00Z", "planId", "P1");
            engine.send("child/C2", "CpPlanStarted", "2026-01-05T10:00:00Z", "planId", "P2");
            engine.send("child/C3", "BecameLookedAfter", "2026-01-05T10:00:00Z", "episodeId", "E3");
            engine.send("child/C4", "LeavingCareStarted", "2026-01-05T10:00:00Z");
            engine.send("child/C5", "CinPlanStarted", "2026-01-05T10:00:00Z", "planId", "P5");
            engine.send("child/C5", "CinPlanEnded", "2026-01-10T10:00:00Z", "planId", "P5");
            assertThat(engine.value("N1", "LA", "2026-01").numerator()).isEqualTo(1);
            assertThat(engine.value("N2", "LA", "2026-01").numerator()).isEqualTo(1);
            assertThat(engine.value("N3", "LA", "2026-01").numerator()).isEqualTo(1);
            assertThat(engine.value("N4", "LA", "2026-01").numerator()).isEqualTo(1);
        }
    }
}
