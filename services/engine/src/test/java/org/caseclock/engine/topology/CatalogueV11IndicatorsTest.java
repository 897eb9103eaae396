package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseclock.events.out.Status;
import org.junit.jupiter.api.Test;

/**
 * The codes of catalogue v1.1 (INDICATORS.md "Catalogue, wave 2"), one hand-worked example each,
 * with the new kinds SHARE, AVERAGE and RATE. Dates are London dates; "now" is in each test.
 */
class CatalogueV11IndicatorsTest {

    @Test
    void eh1_countsEachChildOpenToEarlyHelpOnce_andACaseClosureDoesNotEndEarlyHelp() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            // Given C1 with two early help episodes open, C2 whose episode ended, and C3 whose case closed
            engine.send("child/C1", "EarlyHelpStarted", "2026-01-05T10:00:00Z", "episodeId", "EH1");
            engine.send("child/C1", "EarlyHelpStarted", "2026-01-06T10:00:00Z", "episodeId", "EH2");
            engine.send("child/C2", "EarlyHelpStarted", "2026-01-05T10:00:00Z", "episodeId", "EH3");
            engine.send("child/C2", "EarlyHelpEnded", "2026-01-12T10:00:00Z", "episodeId", "EH3", "reason", "OUTCOMES_MET");
            engine.send("child/C3", "ReferralReceived", "2026-01-02T10:00:00Z", "referralId", "R3");
            engine.send("child/C3", "EarlyHelpStarted", "2026-01-05T10:00:00Z", "episodeId", "EH4");
            engine.send("child/C3", "CaseClosed", "2026-01-13T10:00:00Z");

            // Then C1 counts once and C3 still counts: 2; early help opens no case (QA1 has C1 nowhere)
            assertThat(engine.tally("EH1", "LA", "2026-01")[0]).isEqualTo(2);
            assertThat(engine.item("child/C1", "QA1")).isNull();
        }
    }

    @Test
    void eh8_earlyHelpEndedByStepUpOverEpisodesEnded() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send("child/C1", "EarlyHelpStarted", "2025-11-05T10:00:00Z", "episodeId", "EH1");
            engine.send("child/C1", "EarlyHelpEnded", "2026-01-09T10:00:00Z", "episodeId", "EH1", "reason", "STEP_UP");
            engine.send("child/C2", "EarlyHelpStarted", "2025-11-05T10:00:00Z", "episodeId", "EH2");
            engine.send("child/C2", "EarlyHelpEnded", "2026-01-12T10:00:00Z", "episodeId", "EH2", "reason", "DISENGAGED");

            // Then 1 of the 2 episodes ended in January stepped up
            assertThat(engine.tally("EH8", "LA", "2026-01")).containsExactly(1, 2);
        }
    }

    @Test
    void eh9_aClosedCaseSteppedDownWhenEarlyHelpWasOpenAtClosureOrStartedWithin20WorkingDays_acrossChristmas() {
        // Mon 22 Dec 2025 + 20 WD, skipping 25, 26 Dec and 1 Jan: 23, 24, 29, 30, 31 Dec, 2, 5-9, 12-16, 19-22 Jan
        // = Thu 22 Jan 2026
        try (EngineHarness engine = new EngineHarness("2026-01-26T12:00:00Z")) {
            engine.send("child/C1", "ReferralReceived", "2025-12-01T10:00:00Z", "referralId", "R1");
            engine.send("child/C1", "CaseClosed", "2025-12-22T10:00:00Z");
            engine.send("child/C1", "EarlyHelpStarted", "2026-01-22T10:00:00Z", "episodeId", "EH1");
            engine.send("child/C2", "ReferralReceived", "2025-12-01T10:00:00Z", "referralId", "R2");
            engine.send("child/C2", "CaseClosed", "2025-12-22T10:00:00Z");
            engine.send("child/C2", "EarlyHelpStarted", "2026-01-23T10:00:00Z", "episodeId", "EH2");
            // C3: early help open before the case opened, still open when it closed
            engine.send("child/C3", "EarlyHelpStarted", "2025-11-03T10:00:00Z", "episodeId", "EH3");
            engine.send("child/C3", "ReferralReceived", "2025-12-01T10:00:00Z", "referralId", "R3");
            String c3Closed = engine.send("child/C3", "CaseClosed", "2025-12-22T10:00:00Z");
            // A second CaseClosed closes no open case: no item
            engine.send("child/C3", "CaseClosed", "2025-12-23T10:00:00Z");

            assertThat(engine.item("child/C3", "EH9", c3Closed).status()).isEqualTo(Status.MET);
            assertThat(engine.items("child/C3", "EH9")).hasSize(1);
            assertThat(engine.tally("EH9", "LA", "2025-12")).containsExactly(2, 3);
        }
    }

    @Test
    void cp6_firstCoreGroupWithin10WorkingDaysOfAnIcpcWithAPlan_acrossEaster2026() {
        // Mon 23 Mar 2026 + 10 WD, skipping Good Friday 3 Apr and Easter Monday 6 Apr:
        // 24, 25, 26, 27, 30, 31 Mar, 1, 2, 7, 8 Apr = Wed 8 Apr 2026
        try (EngineHarness engine = new EngineHarness("2026-04-20T12:00:00Z")) {
            engine.send("child/C1", "InitialConferenceHeld", "2026-03-23T10:00:00Z", "conferenceId", "I1", "outcome", "CP_PLAN");
            engine.send("child/C1", "CoreGroupHeld", "2026-04-08T15:00:00Z");
            engine.send("child/C2", "InitialConferenceHeld", "2026-03-23T10:00:00Z", "conferenceId", "I2", "outcome", "CP_PLAN");
            engine.send("child/C2", "CoreGroupHeld", "2026-04-09T10:00:00Z");
            // No plan: no core group item
            engine.send("child/C3", "InitialConferenceHeld", "2026-03-23T10:00:00Z", "conferenceId", "I3", "outcome", "CIN");
            // A core group earlier on the ICPC's date counts: "dated on or after the ICPC date"
            engine.send("child/C4", "CoreGroupHeld", "2026-03-23T09:00:00Z");
            engine.send("child/C4", "InitialConferenceHeld", "2026-03-23T14:00:00Z", "conferenceId", "I4", "outcome", "CP_PLAN");

            assertThat(engine.item("child/C1", "CP6", "I1").due()).hasToString("2026-04-08");
            assertThat(engine.item("child/C1", "CP6", "I1").status()).isEqualTo(Status.ON_TIME);
            assertThat(engine.item("child/C2", "CP6", "I2").status()).isEqualTo(Status.LATE);
            assertThat(engine.item("child/C3", "CP6", "I3")).isNull();
            assertThat(engine.item("child/C4", "CP6", "I4").status()).isEqualTo(Status.ON_TIME);
            assertThat(engine.tally("CP6", "LA", "2026-03")).containsExactly(2, 3);
        }
    }

    @Test
    void cp15_aPlanEndedLastedTwoYearsWhenItsEndIsOnOrAfterStartPlus24Months_closureEndsAPlanToo() {
        try (EngineHarness engine = new EngineHarness("2026-01-26T12:00:00Z")) {
            // 15 Jan 2024 + 24 M = 15 Jan 2026: ended that day, it lasted two years
            engine.send("child/C1", "CpPlanStarted", "2024-01-15T10:00:00Z", "planId", "P1");
            engine.send("child/C1", "CpPlanEnded", "2026-01-15T10:00:00Z", "planId", "P1");
            // 16 Jan 2024 + 24 M = 16 Jan 2026: a day short
            engine.send("child/C2", "CpPlanStarted", "2024-01-16T10:00:00Z", "planId", "P2");
            engine.send("child/C2", "CpPlanEnded", "2026-01-15T10:00:00Z", "planId", "P2");
            // Ended by the case's closure on 20 Jan 2026, started 1 Dec 2023
            engine.send("child/C3", "CpPlanStarted", "2023-12-01T10:00:00Z", "planId", "P3");
            engine.send("child/C3", "CaseClosed", "2026-01-20T10:00:00Z");
            // Still open: no item
            engine.send("child/C4", "CpPlanStarted", "2023-12-01T10:00:00Z", "planId", "P4");

            assertThat(engine.tally("CP15", "LA", "2026-01")).containsExactly(2, 3);
            assertThat(engine.items("child/C4", "CP15")).isEmpty();
        }
    }

    @Test
    void cla1_share_threeOrMorePlacementsDatedInTheTwelveMonthsToDateT_startExclusive_anyPeriodOfCare() {
        // date(T) = 10 Mar 2026: placements dated in (10 Mar 2025, 10 Mar 2026]
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            engine.send("child/C1", "BecameLookedAfter", "2025-01-01T10:00:00Z", "episodeId", "E1");
            engine.send("child/C1", "PlacementStarted", "2025-06-01T10:00:00Z", "placementId", "PL1");
            engine.send("child/C1", "PlacementStarted", "2026-01-05T10:00:00Z", "placementId", "PL2");
            engine.send("child/C1", "PlacementStarted", "2026-03-10T10:00:00Z", "placementId", "PL3");
            // C2: the one on 10 Mar 2025 is outside, so 2
            engine.send("child/C2", "BecameLookedAfter", "2025-01-01T10:00:00Z", "episodeId", "E2");
            engine.send("child/C2", "PlacementStarted", "2025-03-10T10:00:00Z", "placementId", "PL4");
            engine.send("child/C2", "PlacementStarted", "2025-09-01T10:00:00Z", "placementId", "PL5");
            engine.send("child/C2", "PlacementStarted", "2026-01-05T10:00:00Z", "placementId", "PL6");
            // C3: two in an earlier period of care count with one in this one
            engine.send("child/C3", "BecameLookedAfter", "2025-05-01T10:00:00Z", "episodeId", "E3");
            engine.send("child/C3", "PlacementStarted", "2025-05-01T10:00:00Z", "placementId", "PL7");
            engine.send("child/C3", "PlacementStarted", "2025-06-01T10:00:00Z", "placementId", "PL8");
            engine.send("child/C3", "CeasedLookedAfter", "2025-07-01T10:00:00Z", "episodeId", "E3");
            engine.send("child/C3", "BecameLookedAfter", "2026-02-01T10:00:00Z", "episodeId", "E4");
            engine.send("child/C3", "PlacementStarted", "2026-02-01T10:00:00Z", "placementId", "PL9");

            assertThat(engine.item("child/C1", "CLA1").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C2", "CLA1").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.item("child/C3", "CLA1").status()).isEqualTo(Status.MET);
            assertThat(engine.tally("CLA1", "LA", "2026-03")).containsExactly(2, 3);

            // When a day passes, C1's placement of 1 Jun 2025 is still inside; on 2 Jun 2026 it is not
            engine.advanceTo("2026-06-02T12:00:00Z");
            assertThat(engine.item("child/C1", "CLA1").status()).isEqualTo(Status.NOT_MET);
        }
    }

    @Test
    void cla2_share_under16InCare30MonthsAndInTheSamePlacementFor24Months() {
        // date(T) = 10 Mar 2026: in care since on or before 10 Sep 2023; placement start on or before 10 Mar 2024
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            engine.send("child/C1", "ChildRegistered", "2023-01-01T10:00:00Z", "birthDate", "2012-01-01");
            engine.send("child/C1", "BecameLookedAfter", "2023-09-10T10:00:00Z", "episodeId", "E1");
            engine.send("child/C1", "PlacementStarted", "2024-03-10T10:00:00Z", "placementId", "PL1");
            engine.send("child/C2", "ChildRegistered", "2023-01-01T10:00:00Z", "birthDate", "2012-01-01");
            engine.send("child/C2", "BecameLookedAfter", "2023-09-10T10:00:00Z", "episodeId", "E2");
            engine.send("child/C2", "PlacementStarted", "2024-03-11T10:00:00Z", "placementId", "PL2");
            // C3 turns 16 today: not under 16
            engine.send("child/C3", "ChildRegistered", "2023-01-01T10:00:00Z", "birthDate", "2010-03-10");
            engine.send("child/C3", "BecameLookedAfter", "2023-01-01T10:00:00Z", "episodeId", "E3");
            // C4 came into care a day too late
            engine.send("child/C4", "ChildRegistered", "2023-01-01T10:00:00Z", "birthDate", "2012-01-01");
            engine.send("child/C4", "BecameLookedAfter", "2023-09-11T10:00:00Z", "episodeId", "E4");
            // C5: no placement recorded in this period: the period's start (1 Jan 2023) stands
            engine.send("child/C5", "ChildRegistered", "2023-01-01T10:00:00Z", "birthDate", "2012-01-01");
            engine.send("child/C5", "BecameLookedAfter", "2023-01-01T10:00:00Z", "episodeId", "E5");

            assertThat(engine.item("child/C1", "CLA2").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C2", "CLA2").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.item("child/C3", "CLA2")).isNull();
            assertThat(engine.item("child/C4", "CLA2")).isNull();
            assertThat(engine.item("child/C5", "CLA2").status()).isEqualTo(Status.MET);
            assertThat(engine.tally("CLA2", "LA", "2026-03")).containsExactly(2, 3);

            // When it is 11 Mar 2026, C4 (in care since 11 Sep 2023) joins, and C2's placement has lasted 24 months
            engine.advanceTo("2026-03-11T12:00:00Z");
            assertThat(engine.item("child/C4", "CLA2").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C2", "CLA2").status()).isEqualTo(Status.MET);
        }
    }

    @Test
    void cla19_share_theUnbrokenRunOfAllocationsToTheWorkerAtTBeganSixMonthsAgo_aTeamChangeDoesNotBreakIt() {
        // date(T) = 10 Mar 2026: in care and with the worker since on or before 10 Sep 2025
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            engine.send("child/C1", "BecameLookedAfter", "2025-01-01T10:00:00Z", "episodeId", "E1");
            engine.send("child/C1", "CaseAllocated", "2025-09-10T10:00:00Z", "team", "T1", "worker", "W1");
            engine.send("child/C1", "CaseAllocated", "2025-12-01T10:00:00Z", "team", "T2", "worker", "W1");
            // C2: W1, then W2, then W1 again on 1 Oct 2025: the run began then
            engine.send("child/C2", "BecameLookedAfter", "2025-01-01T10:00:00Z", "episodeId", "E2");
            engine.send("child/C2", "CaseAllocated", "2025-06-01T10:00:00Z", "team", "T1", "worker", "W1");
            engine.send("child/C2", "CaseAllocated", "2025-08-01T10:00:00Z", "team", "T1", "worker", "W2");
            engine.send("child/C2", "CaseAllocated", "2025-10-01T10:00:00Z", "team", "T1", "worker", "W1");
            // C3: no worker on 1 Jul 2025 broke the run; it began again on 15 Jul 2025
            engine.send("child/C3", "BecameLookedAfter", "2025-01-01T10:00:00Z", "episodeId", "E3");
            engine.send("child/C3", "CaseAllocated", "2025-06-01T10:00:00Z", "team", "T1", "worker", "W1");
            engine.send("child/C3", "CaseAllocated", "2025-07-01T10:00:00Z", "team", "T1", "worker", null);
            engine.send("child/C3", "CaseAllocated", "2025-07-15T10:00:00Z", "team", "T1", "worker", "W1");
            // C4: in care since 11 Sep 2025, a day too late
            engine.send("child/C4", "BecameLookedAfter", "2025-09-11T10:00:00Z", "episodeId", "E4");
            engine.send("child/C4", "CaseAllocated", "2025-09-11T10:00:00Z", "team", "T1", "worker", "W1");

            assertThat(engine.item("child/C1", "CLA19").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C1", "CLA19").team()).isEqualTo("T2");
            assertThat(engine.item("child/C2", "CLA19").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.item("child/C3", "CLA19").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C4", "CLA19")).isNull();
            assertThat(engine.tally("CLA19", "LA", "2026-03")).containsExactly(2, 3);
        }
    }

    @Test
    void cla27_share_theLatestImmunisationsRecordIsUpToDateAndDatedInTheLast12Months() {
        // date(T) = 10 Mar 2026: in care since on or before 10 Mar 2025; latest record dated on or after 10 Mar 2025
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            engine.send("child/C1", "BecameLookedAfter", "2025-03-10T10:00:00Z", "episodeId", "E1");
            engine.send("child/C1", "ImmunisationsRecorded", "2025-03-10T11:00:00Z", "upToDate", true);
            engine.send("child/C2", "BecameLookedAfter", "2024-01-01T10:00:00Z", "episodeId", "E2");
            engine.send("child/C2", "ImmunisationsRecorded", "2025-03-09T11:00:00Z", "upToDate", true);
            // C3: up to date in December, then not in January: the latest decides
            engine.send("child/C3", "BecameLookedAfter", "2024-01-01T10:00:00Z", "episodeId", "E3");
            engine.send("child/C3", "ImmunisationsRecorded", "2025-12-01T11:00:00Z", "upToDate", true);
            engine.send("child/C3", "ImmunisationsRecorded", "2026-01-10T11:00:00Z", "upToDate", false);

            assertThat(engine.item("child/C1", "CLA27").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C2", "CLA27").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.item("child/C3", "CLA27").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.tally("CLA27", "LA", "2026-03")).containsExactly(1, 3);

            // When it is 11 Mar 2026, C1's record of 10 Mar 2025 is more than 12 months old
            engine.advanceTo("2026-03-11T12:00:00Z");
            assertThat(engine.tally("CLA27", "LA", "2026-03")).containsExactly(0, 3);
        }
    }

    @Test
    void cl2Cl3Cl4_theLatestContactFromThreeMonthsBeforeToOneMonthAfterABirthdayInLeavingCare() {
        try (EngineHarness engine = new EngineHarness("2026-05-20T12:00:00Z")) {
            // C1: 18 on Fri 10 Apr 2026, leaving care from that day; window [10 Jan 2026, 10 May 2026]
            engine.send("child/C1", "ChildRegistered", "2020-01-01T10:00:00Z", "birthDate", "2008-04-10");
            engine.send("child/C1", "LeavingCareStarted", "2026-04-10T10:00:00Z");
            engine.send("child/C1", "CareLeaverContactRecorded", "2026-01-10T10:00:00Z", "inTouch", true, "eet", true);
            // C2: 19 on 15 Feb 2026 (window [15 Nov 2025, 15 Mar 2026]); in touch on 1 Jan, then not on 15 Mar;
            // leaving care began 1 Jun 2025, after the 18th birthday (15 Feb 2025), which is no item
            engine.send("child/C2", "ChildRegistered", "2020-01-01T10:00:00Z", "birthDate", "2007-02-15");
            engine.send("child/C2", "LeavingCareStarted", "2025-06-01T10:00:00Z");
            engine.send("child/C2", "CareLeaverContactRecorded", "2026-01-01T10:00:00Z", "inTouch", true);
            engine.send("child/C2", "CareLeaverContactRecorded", "2026-03-15T10:00:00Z", "inTouch", false);
            // C3: 18 on 25 May 2026, later this month: not yet an item
            engine.send("child/C3", "ChildRegistered", "2020-01-01T10:00:00Z", "birthDate", "2008-05-25");
            engine.send("child/C3", "LeavingCareStarted", "2026-04-01T10:00:00Z");

            assertThat(engine.item("child/C1", "CL2", "18").status()).isEqualTo(Status.MET);
            assertThat(engine.item("child/C1", "CL3", "18").status()).isEqualTo(Status.MET);
            // suitableAccommodation left out is false; CL4 reads its own flag only
            assertThat(engine.item("child/C1", "CL4", "18").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.items("child/C2", "CL2")).extracting(i -> i.itemId()).containsExactly("19");
            assertThat(engine.item("child/C2", "CL2", "19").status()).isEqualTo(Status.NOT_MET);
            assertThat(engine.items("child/C3", "CL2")).isEmpty();
            assertThat(engine.tally("CL2", "LA", "2026-04")).containsExactly(1, 1);
            assertThat(engine.tally("CL2", "LA", "2026-02")).containsExactly(0, 1);

            // When 25 May 2026 comes, C3's 18th birthday is an item, not met until a contact arrives
            engine.advanceTo("2026-05-25T12:00:00Z");
            assertThat(engine.item("child/C3", "CL2", "18").status()).isEqualTo(Status.NOT_MET);
        }
    }

    @Test
    void a1_average_daysFromEnteringCareToTheFirstAdoptivePlacementOfEachPeriod_over36MonthsEndingWithTheMonth() {
        // Now 10 Mar 2026: the window is 1 Apr 2023 to 10 Mar 2026
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            // C1: 1 Jan 2025 to 1 Nov 2025 = 304 days; a second adoptive placement in the period is not counted
            engine.send("child/C1", "BecameLookedAfter", "2025-01-01T10:00:00Z", "episodeId", "E1");
            engine.send("child/C1", "PlacementStarted", "2025-01-01T10:00:00Z", "placementId", "PL1", "placementType", "U1");
            engine.send("child/C1", "PlacementStarted", "2025-11-01T10:00:00Z", "placementId", "PL2", "placementType", "ADOPTION");
            engine.send("child/C1", "PlacementStarted", "2026-01-01T10:00:00Z", "placementId", "PL3", "placementType", "ADOPTION");
            // C2: 1 Jun 2024 to 15 Feb 2026 = 624 days
            engine.send("child/C2", "BecameLookedAfter", "2024-06-01T10:00:00Z", "episodeId", "E2");
            engine.send("child/C2", "PlacementStarted", "2026-02-15T10:00:00Z", "placementId", "PL4", "placementType", "ADOPTION");
            // C3: 1 Jan 2023 to 1 Apr 2023 = 90 days, the window's first day; C4: placed 31 Mar 2023, outside
            engine.send("child/C3", "BecameLookedAfter", "2023-01-01T10:00:00Z", "episodeId", "E3");
            engine.send("child/C3", "PlacementStarted", "2023-04-01T10:00:00Z", "placementId", "PL5", "placementType", "ADOPTION");
            engine.send("child/C4", "BecameLookedAfter", "2023-01-01T10:00:00Z", "episodeId", "E4");
            engine.send("child/C4", "PlacementStarted", "2023-03-31T10:00:00Z", "placementId", "PL6", "placementType", "ADOPTION");

            assertThat(engine.items("child/C1", "A1")).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.COUNTED);
                assertThat(item.days()).isEqualTo(304);
            });
            // 304 + 624 + 90 = 1018 days over 3 items (339.3 days)
            assertThat(engine.tally("A1", "LA", "2026-03")).containsExactly(1018, 3);
            // November 2025's window (Dec 2022 to Nov 2025) holds C1, C3 and C4: 304 + 90 + 89
            assertThat(engine.tally("A1", "LA", "2025-11")).containsExactly(483, 3);

            // When April 2026 begins, its window starts 1 May 2023: C3's item leaves it
            engine.advanceTo("2026-04-01T12:00:00Z");
            assertThat(engine.tally("A1", "LA", "2026-04")).containsExactly(928, 2);
        }
    }

    @Test
    void a2_average_daysFromTheLatestPlacementOrderInTheSamePeriodOfCareToTheMatch() {
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            // C1: orders 1 Jun and 1 Aug 2025, matched 1 Oct 2025: 61 days from the latest
            engine.send("child/C1", "BecameLookedAfter", "2025-01-01T10:00:00Z", "episodeId", "E1");
            engine.send("child/C1", "PlacementOrderGranted", "2025-06-01T10:00:00Z");
            engine.send("child/C1", "PlacementOrderGranted", "2025-08-01T10:00:00Z");
            String match = engine.send("child/C1", "AdoptionMatched", "2025-10-01T10:00:00Z");
            // C2: matched before any order: no item
            engine.send("child/C2", "BecameLookedAfter", "2025-01-01T10:00:00Z", "episodeId", "E2");
            engine.send("child/C2", "AdoptionMatched", "2025-05-01T10:00:00Z");
            engine.send("child/C2", "PlacementOrderGranted", "2025-06-01T10:00:00Z");
            // C3: the order was in an earlier period of care: no item
            engine.send("child/C3", "BecameLookedAfter", "2024-01-01T10:00:00Z", "episodeId", "E3");
            engine.send("child/C3", "PlacementOrderGranted", "2024-02-01T10:00:00Z");
            engine.send("child/C3", "CeasedLookedAfter", "2024-06-01T10:00:00Z", "episodeId", "E3");
            engine.send("child/C3", "BecameLookedAfter", "2024-09-01T10:00:00Z", "episodeId", "E4");
            engine.send("child/C3", "AdoptionMatched", "2024-10-01T10:00:00Z");

            assertThat(engine.item("child/C1", "A2", match).days()).isEqualTo(61);
            assertThat(engine.items("child/C2", "A2")).isEmpty();
            assertThat(engine.items("child/C3", "A2")).isEmpty();
            assertThat(engine.tally("A2", "LA", "2026-03")).containsExactly(61, 1);
        }
    }

    @Test
    void r1R2R3_rate_countTheOpenEpisodesOfN1N2N3_thePopulationIsTheQuerySides() {
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            engine.send("child/C1", "CinPlanStarted", "2026-01-05T10:00:00Z", "planId", "P1");
            engine.send("child/C2", "CpPlanStarted", "2026-01-05T10:00:00Z", "planId", "P2");
            engine.send("child/C3", "BecameLookedAfter", "2026-01-05T10:00:00Z", "episodeId", "E3");
            engine.send("child/C4", "BecameLookedAfter", "2026-01-05T10:00:00Z", "episodeId", "E4");

            assertThat(engine.tally("R1", "LA", "2026-03")).containsExactly(1, 0);
            assertThat(engine.tally("R2", "LA", "2026-03")).containsExactly(1, 0);
            assertThat(engine.tally("R3", "LA", "2026-03")).containsExactly(2, 0);
            assertThat(engine.item("child/C3", "R3").status()).isEqualTo(Status.COUNTED);
        }
    }

    @Test
    void w3_theMostOfTheScopesOpenCasesHeldByOneWorker_casesInOtherScopesDoNotCount() {
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            // W1 holds C1 and C2 in T1; W2 holds C3 in T1 and C4, C5 in T2 (both teams of service FAM)
            String[][] cases = {{"C1", "T1", "W1"}, {"C2", "T1", "W1"}, {"C3", "T1", "W2"}, {"C4", "T2", "W2"}, {"C5", "T2", "W2"}};
            for (String[] c : cases) {
                engine.send("child/" + c[0], "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R" + c[0]);
                engine.send("child/" + c[0], "CaseAllocated", "2026-01-06T10:00:00Z", "team", c[1], "worker", c[2]);
            }
            // An open case with no worker counts for nobody
            engine.send("child/C6", "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R6");
            engine.send("child/C6", "CaseAllocated", "2026-01-06T10:00:00Z", "team", "CLA1", "worker", null);

            // {most held by one worker, workers}: LA W2 with 3; T1 W1 with 2; T2 W2 with 2; CLA1 none
            assertThat(engine.tally("W3", "LA", "2026-03")).containsExactly(3, 2);
            assertThat(engine.tally("W3", "service/FAM", "2026-03")).containsExactly(3, 2);
            assertThat(engine.tally("W3", "team/T1", "2026-03")).containsExactly(2, 2);
            assertThat(engine.tally("W3", "team/T2", "2026-03")).containsExactly(2, 1);
            assertThat(engine.tally("W3", "team/CLA1", "2026-03")).containsExactly(0, 0);
        }
    }

    @Test
    void amt5_openAssessmentsOfChildrenWithNoWorker_twoOfOneChildCountTwice() {
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            engine.send("child/C1", "AssessmentStarted", "2026-03-02T10:00:00Z", "assessmentId", "A1");
            engine.send("child/C1", "AssessmentStarted", "2026-03-03T10:00:00Z", "assessmentId", "A2");
            // C2 has a worker; C3's assessment is completed; C4's was cancelled by the case's closure
            engine.send("child/C2", "AssessmentStarted", "2026-03-02T10:00:00Z", "assessmentId", "A3");
            engine.send("child/C2", "CaseAllocated", "2026-03-02T11:00:00Z", "team", "T1", "worker", "W1");
            engine.send("child/C3", "AssessmentStarted", "2026-03-02T10:00:00Z", "assessmentId", "A4");
            engine.send("child/C3", "AssessmentCompleted", "2026-03-05T10:00:00Z", "assessmentId", "A4", "outcome", "NFA");
            engine.send("child/C4", "AssessmentStarted", "2026-03-02T10:00:00Z", "assessmentId", "A5");
            engine.send("child/C4", "CaseClosed", "2026-03-04T10:00:00Z");
            // C5: allocated to a team with no worker
            engine.send("child/C5", "AssessmentStarted", "2026-03-02T10:00:00Z", "assessmentId", "A6");
            engine.send("child/C5", "CaseAllocated", "2026-03-02T11:00:00Z", "team", "T1", "worker", null);

            assertThat(engine.tally("AMT5", "LA", "2026-03")[0]).isEqualTo(3);
            assertThat(engine.tally("AMT5", "team/T1", "2026-03")[0]).isEqualTo(1);
            assertThat(engine.items("child/C1", "AMT5")).hasSize(2);
        }
    }
}
