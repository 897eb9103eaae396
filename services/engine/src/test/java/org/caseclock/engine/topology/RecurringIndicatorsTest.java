package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.caseclock.events.out.Status;
import org.junit.jupiter.api.Test;

/**
 * RECURRING indicators, one worked example each. Bank holidays used: Christmas 2025 (Thu 25,
 * Fri 26 Dec), New Year 2026 (Thu 1 Jan), Easter 2026 (Good Friday 3 Apr, Easter Monday 6 Apr).
 */
class RecurringIndicatorsTest {

    private static final String CHILD = "child/C1";

    @Test
    void cin4_unseenChildGoesOverdueWhenTheWallClockPassesDayTwentyEight_andTheCounterFollows() {
        // Given a CIN plan started Mon 1 Dec 2025 with no visit: due 1 Dec + 28 D = Mon 29 Dec
        try (EngineHarness engine = new EngineHarness("2025-12-29T12:00:00Z")) {
            engine.send(CHILD, "CaseAllocated", "2025-12-01T09:00:00Z", "team", "T1", "worker", "W1");
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2025, 12, 29));
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.DUE_SOON);
            assertThat(engine.tally("CIN4", "team/T1", "2025-12")).containsExactly(1, 1);
            assertThat(engine.tally("CIN4", "service/FAM", "2025-12")).containsExactly(1, 1);
            assertThat(engine.tally("CIN4", "LA", "2025-12")).containsExactly(1, 1);

            // When midnight passes (GMT in December) with no event
            engine.advanceTo("2025-12-30T00:00:01Z");

            // Then the item is overdue and the counters lose the child from the numerator
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.OVERDUE);
            assertThat(engine.tally("CIN4", "team/T1", "2025-12")).containsExactly(0, 1);
            assertThat(engine.tally("CIN4", "LA", "2025-12")).containsExactly(0, 1);
        }
    }

    @Test
    void cin4_aVisitWithTheChildSeenRestartsTheTwentyEightDays_butOneNotSeenDoesNot() {
        try (EngineHarness engine = new EngineHarness("2025-12-22T12:00:00Z")) {
            // Given a CIN plan from 1 Dec 2025, a visit on 10 Dec where the child was not seen
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            engine.send(CHILD, "VisitRecorded", "2025-12-10T10:00:00Z", "visitId", "V1", "childSeen", false);
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2025, 12, 29));
            // When a visit with the child seen is recorded on 20 Dec
            engine.send(CHILD, "VisitRecorded", "2025-12-20T10:00:00Z", "visitId", "V2");
            // Then the next visit is due 20 Dec + 28 D = 17 Jan 2026
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2026, 1, 17));
            assertThat(engine.item(CHILD, "CIN4").lastActivity()).isEqualTo(LocalDate.of(2025, 12, 20));
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.IN_TIME);
        }
    }

    @Test
    void cin5AndCin8_reviewsAndPlansAreDueThreeCalendarMonthsOn_clampedAtMonthEnd() {
        try (EngineHarness engine = new EngineHarness("2025-12-01T12:00:00Z")) {
            // Given a CIN plan started 30 Nov 2025: 30 Nov + 3 M clamps to 28 Feb 2026
            engine.send(CHILD, "CinPlanStarted", "2025-11-30T10:00:00Z", "planId", "P1");
            assertThat(engine.item(CHILD, "CIN5").due()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(engine.item(CHILD, "CIN8").due()).isEqualTo(LocalDate.of(2026, 2, 28));
            // When the plan is updated on 1 Dec
            engine.send(CHILD, "PlanUpdated", "2025-12-01T10:00:00Z", "plan", "CIN");
            // Then CIN8 is next due 1 Mar 2026 and CIN5 is unchanged
            assertThat(engine.item(CHILD, "CIN8").due()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(engine.item(CHILD, "CIN5").due()).isEqualTo(LocalDate.of(2026, 2, 28));
        }
    }

    @Test
    void cp13_visitsAreDueTenWorkingDaysOn_skippingChristmasAndNewYear() {
        try (EngineHarness engine = new EngineHarness("2025-12-19T18:00:00Z")) {
            // Given a CP plan started Fri 19 Dec 2025: working days 22,23,24,29,30,31 Dec, 2,5,6,7 Jan
            engine.send(CHILD, "CpPlanStarted", "2025-12-19T10:00:00Z", "planId", "CP1");
            // Then the first visit is due Wed 7 Jan 2026
            assertThat(engine.item(CHILD, "CP13").due()).isEqualTo(LocalDate.of(2026, 1, 7));
        }
    }

    @Test
    void cp12_firstReviewWithinThreeMonths_thenEverySixMonths() {
        try (EngineHarness engine = new EngineHarness("2026-03-01T12:00:00Z")) {
            engine.send(CHILD, "CpPlanStarted", "2025-11-30T10:00:00Z", "planId", "CP1");
            assertThat(engine.item(CHILD, "CP12").due()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(engine.item(CHILD, "CP12").status()).isEqualTo(Status.OVERDUE);
            engine.send(CHILD, "ReviewHeld", "2026-02-20T10:00:00Z", "of", "CP_PLAN");
            assertThat(engine.item(CHILD, "CP12").due()).isEqualTo(LocalDate.of(2026, 8, 20));
            assertThat(engine.item(CHILD, "CP12").status()).isEqualTo(Status.IN_TIME);
        }
    }

    @Test
    void cla10_firstVisitWithinAWeekOfEachPlacement_thenEverySixWeeks() {
        try (EngineHarness engine = new EngineHarness("2026-02-02T18:00:00Z")) {
            // Given looked after and placed on Mon 5 Jan 2026: first visit due 12 Jan
            engine.send(CHILD, "BecameLookedAfter", "2026-01-05T10:00:00Z", "episodeId", "E1");
            engine.send(CHILD, "PlacementStarted", "2026-01-05T11:00:00Z", "placementId", "PL1");
            engine.send(CHILD, "VisitRecorded", "2026-01-09T10:00:00Z", "visitId", "V1");
            // A visit on 9 Jan: next due 9 Jan + 42 D = 20 Feb
            assertThat(engine.item(CHILD, "CLA10").due()).isEqualTo(LocalDate.of(2026, 2, 20));
            // When the child moves placement on 2 Feb
            engine.send(CHILD, "PlacementStarted", "2026-02-02T10:00:00Z", "placementId", "PL2");
            // Then the count restarts: a visit is due within 7 days of the move, 9 Feb
            assertThat(engine.item(CHILD, "CLA10").due()).isEqualTo(LocalDate.of(2026, 2, 9));
            assertThat(engine.item(CHILD, "CLA10").lastActivity()).isNull();
        }
    }

    @Test
    void cla11_reviewsAt20WorkingDaysOverEaster_then3Months_then6Months() {
        try (EngineHarness engine = new EngineHarness("2026-03-20T18:00:00Z")) {
            // Given looked after from Fri 20 Mar 2026; Good Friday 3 Apr and Easter Monday 6 Apr are not
            // working days, so the 20th working day is Tue 21 Apr
            engine.send(CHILD, "BecameLookedAfter", "2026-03-20T10:00:00Z", "episodeId", "E1");
            assertThat(engine.item(CHILD, "CLA11").due()).isEqualTo(LocalDate.of(2026, 4, 21));
            engine.advanceTo("2026-07-20T12:00:00Z");
            engine.send(CHILD, "ReviewHeld", "2026-04-15T10:00:00Z", "of", "CLA");
            assertThat(engine.item(CHILD, "CLA11").due()).isEqualTo(LocalDate.of(2026, 7, 15));
            engine.send(CHILD, "ReviewHeld", "2026-07-10T10:00:00Z", "of", "CLA");
            assertThat(engine.item(CHILD, "CLA11").due()).isEqualTo(LocalDate.of(2027, 1, 10));
        }
    }

    @Test
    void cla13_pepOnlyForChildrenAgedThreeToSeventeen() {
        try (EngineHarness engine = new EngineHarness("2026-03-27T18:00:00Z")) {
            engine.send("child/OLD", "ChildRegistered", "2026-01-01T10:00:00Z", "birthDate", "2015-06-01");
            engine.send("child/OLD", "BecameLookedAfter", "2026-03-20T10:00:00Z", "episodeId", "E1");
            engine.send("child/BABY", "ChildRegistered", "2026-01-01T10:00:00Z", "birthDate", "2024-06-01");
            engine.send("child/BABY", "BecameLookedAfter", "2026-03-20T10:00:00Z", "episodeId", "E2");
            engine.send("child/NOBIRTH", "BecameLookedAfter", "2026-03-20T10:00:00Z", "episodeId", "E3");
            assertThat(engine.item("child/OLD", "CLA13").due()).isEqualTo(LocalDate.of(2026, 4, 21));
            assertThat(engine.item("child/BABY", "CLA13")).isNull();
            assertThat(engine.item("child/NOBIRTH", "CLA13")).isNull();
        }
    }

    @Test
    void cla14_carePlanWithinTenWorkingDaysAcrossEaster() {
        try (EngineHarness engine = new EngineHarness("2026-03-27T18:00:00Z")) {
            // Fri 27 Mar + 10 WD: 30, 31 Mar, 1, 2, 7, 8, 9, 10, 13, 14 Apr
            engine.send(CHILD, "BecameLookedAfter", "2026-03-27T10:00:00Z", "episodeId", "E1");
            assertThat(engine.item(CHILD, "CLA14").due()).isEqualTo(LocalDate.of(2026, 4, 14));
        }
    }

    @Test
    void cla15_pathwayPlanFromTheLaterOfSixteenthBirthdayAnd91DaysInCare() {
        try (EngineHarness engine = new EngineHarness("2026-03-01T12:00:00Z")) {
            // Given a child who turns 16 on 10 Feb 2026, in care from 1 Dec 2025 (+91 D = 2 Mar 2026)
            engine.send(CHILD, "ChildRegistered", "2025-12-01T09:00:00Z", "birthDate", "2010-02-10");
            engine.send(CHILD, "BecameLookedAfter", "2025-12-01T10:00:00Z", "episodeId", "E1");
            // Then on 1 Mar the child is not yet eligible
            assertThat(engine.item(CHILD, "CLA15")).isNull();
            // When the wall clock reaches 2 Mar
            engine.advanceTo("2026-03-02T00:00:01Z");
            // Then the child is in the population, due 2 Mar + 3 M = 2 Jun
            assertThat(engine.item(CHILD, "CLA15").entryDate()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(engine.item(CHILD, "CLA15").due()).isEqualTo(LocalDate.of(2026, 6, 2));
        }
    }

    @Test
    void cla16_healthAssessmentEverySixMonthsUnderFive_elseTwelve() {
        try (EngineHarness engine = new EngineHarness("2026-04-10T18:00:00Z")) {
            engine.send("child/YOUNG", "ChildRegistered", "2026-01-01T10:00:00Z", "birthDate", "2022-01-10");
            engine.send("child/YOUNG", "BecameLookedAfter", "2026-03-20T10:00:00Z", "episodeId", "E1");
            engine.send("child/OLDER", "ChildRegistered", "2026-01-01T10:00:00Z", "birthDate", "2012-01-10");
            engine.send("child/OLDER", "BecameLookedAfter", "2026-03-20T10:00:00Z", "episodeId", "E2");
            assertThat(engine.item("child/YOUNG", "CLA16").due()).isEqualTo(LocalDate.of(2026, 4, 21));
            engine.send("child/YOUNG", "HealthAssessmentCompleted", "2026-04-10T10:00:00Z", "kind", "INITIAL");
            engine.send("child/OLDER", "HealthAssessmentCompleted", "2026-04-10T10:00:00Z", "kind", "INITIAL");
            assertThat(engine.item("child/YOUNG", "CLA16").due()).isEqualTo(LocalDate.of(2026, 10, 10));
            assertThat(engine.item("child/OLDER", "CLA16").due()).isEqualTo(LocalDate.of(2027, 4, 10));
        }
    }

    @Test
    void cla28_dentalCheckOnlyOnceTwelveMonthsInCare() {
        try (EngineHarness engine = new EngineHarness("2026-01-14T12:00:00Z")) {
            engine.send(CHILD, "BecameLookedAfter", "2025-01-15T10:00:00Z", "episodeId", "E1");
            assertThat(engine.item(CHILD, "CLA28")).isNull();
            engine.advanceTo("2026-01-15T00:00:01Z");
            assertThat(engine.item(CHILD, "CLA28").due()).isEqualTo(LocalDate.of(2026, 1, 15));
            assertThat(engine.item(CHILD, "CLA28").status()).isEqualTo(Status.DUE_SOON);
            engine.send(CHILD, "DentalCheckCompleted", "2025-06-01T10:00:00Z");
            assertThat(engine.item(CHILD, "CLA28").due()).isEqualTo(LocalDate.of(2026, 6, 1));
        }
    }

    @Test
    void cl1_pathwayPlanCountsEvenFromBeforeLeavingCareStarted() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send(CHILD, "PlanUpdated", "2025-11-01T10:00:00Z", "plan", "PATHWAY");
            engine.send(CHILD, "LeavingCareStarted", "2026-01-10T10:00:00Z");
            assertThat(engine.item(CHILD, "CL1").due()).isEqualTo(LocalDate.of(2026, 5, 1));
        }
    }

    @Test
    void f3AndF4_fosterCarerReviewYearlyAndVisitsSixWeekly() {
        try (EngineHarness engine = new EngineHarness("2025-12-01T12:00:00Z")) {
            String carer = "carer/F1";
            engine.send(carer, "CaseAllocated", "2025-10-01T09:00:00Z", "team", "T1", "worker", "W9");
            engine.send(carer, "CarerApproved", "2025-10-01T10:00:00Z");
            engine.send(carer, "CarerVisited", "2025-11-15T10:00:00Z");
            assertThat(engine.item(carer, "F3").due()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(engine.item(carer, "F4").due()).isEqualTo(LocalDate.of(2025, 12, 27));
            assertThat(engine.item(carer, "F4").team()).isEqualTo("T1");
        }
    }

    @Test
    void qa1_supervisionIntervalFollowsTheCaseType_andQa6To8SplitIt() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            // Given a case opened by a referral on 5 Jan 2026: "other" type, 90 D
            engine.send(CHILD, "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R1");
            assertThat(engine.item(CHILD, "QA1").due()).isEqualTo(LocalDate.of(2026, 4, 5));
            assertThat(engine.item(CHILD, "QA8").due()).isEqualTo(LocalDate.of(2026, 4, 5));
            assertThat(engine.item(CHILD, "QA6")).isNull();
            // When a CP plan starts, the interval is 31 D from the case opening: 5 Feb
            engine.advanceTo("2026-02-02T12:00:00Z");
            engine.send(CHILD, "CpPlanStarted", "2026-02-01T10:00:00Z", "planId", "CP1");
            assertThat(engine.item(CHILD, "QA1").due()).isEqualTo(LocalDate.of(2026, 2, 5));
            assertThat(engine.item(CHILD, "QA6").due()).isEqualTo(LocalDate.of(2026, 2, 5));
            assertThat(engine.item(CHILD, "QA8")).isNull();
            // And supervision on 3 Feb makes it due 3 Feb + 31 D = 6 Mar (once 3 Feb has come: as at now,
            // an event dated later does not count yet)
            engine.advanceTo("2026-02-04T12:00:00Z");
            engine.send(CHILD, "SupervisionRecorded", "2026-02-03T10:00:00Z");
            assertThat(engine.item(CHILD, "QA1").due()).isEqualTo(LocalDate.of(2026, 3, 6));
        }
    }

    @Test
    void qa7_aChildOnACinPlanIsSupervised60Daily() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            // Case opened by the CIN plan on 5 Jan 2026: CLA-or-CIN type, 60 D = 6 Mar
            engine.send(CHILD, "CinPlanStarted", "2026-01-05T10:00:00Z", "planId", "P1");
            assertThat(engine.item(CHILD, "QA7").due()).isEqualTo(LocalDate.of(2026, 3, 6));
            assertThat(engine.item(CHILD, "QA1").due()).isEqualTo(LocalDate.of(2026, 3, 6));
            assertThat(engine.item(CHILD, "QA6")).isNull();
            assertThat(engine.item(CHILD, "QA8")).isNull();
        }
    }

    @Test
    void dueSoonMeansWithinFiveWorkingDays() {
        try (EngineHarness engine = new EngineHarness("2025-12-19T12:00:00Z")) {
            // Due Mon 29 Dec; on Fri 19 Dec, 19 Dec + 5 WD = Mon 29 Dec (22, 23, 24, 29... no: 22,23,24,29,30)
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.DUE_SOON);
            // On Fri 12 Dec, 12 Dec + 5 WD = Fri 19 Dec < 29 Dec: in time
        }
        try (EngineHarness engine = new EngineHarness("2025-12-12T12:00:00Z")) {
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.IN_TIME);
            engine.advance(Duration.ofDays(5));
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.IN_TIME);
            // Mon 22 Dec + 5 WD = 22 Dec -> 23, 24, 29, 30, 31: due 29 Dec is within
            engine.advanceTo("2025-12-22T00:00:01Z");
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.DUE_SOON);
        }
    }
}
