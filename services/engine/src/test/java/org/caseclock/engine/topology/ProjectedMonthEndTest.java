package org.caseclock.engine.topology;

import org.caseclock.events.out.IndicatorValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.caseclock.events.out.Status;
import org.caseclock.engine.store.CounterState.MonthTotals;
import org.caseclock.engine.store.JsonSerde;
import org.junit.jupiter.api.Test;

/**
 * The projected month end (INDICATORS.md "Comparators, projection and overview (v1.1)"): for the
 * running month only, the month value computed as at the month's last instant from the events
 * with time at or before now, published beside the month's value as projectedNumerator and
 * projectedDenominator. Dates are London dates, worked out by hand; December 2026 is GMT, so a
 * London date is the UTC date.
 */
class ProjectedMonthEndTest {

    /** {projected numerator, projected denominator}; null pair when none is published. */
    private static Long[] projected(EngineHarness engine, String code, String scope, String period) {
        IndicatorValue v = engine.value(code, scope, period);
        return new Long[] {v.projectedNumerator(), v.projectedDenominator()};
    }

    /** CIN4 children as at Wed 9 Dec 2026, each with a CIN plan and one visit. */
    private static void givenThreeCinChildrenVisitedBy9December(EngineHarness engine) {
        // C1 visited Thu 19 Nov (20 days before 9 Dec): due 19 Nov + 28 D = Thu 17 Dec, before 31 Dec
        engine.send("child/C1", "CinPlanStarted", "2026-11-02T10:00:00Z", "planId", "P1");
        engine.send("child/C1", "VisitRecorded", "2026-11-19T10:00:00Z", "visitId", "V1");
        // C2 visited Thu 3 Dec: due 31 Dec, the last date itself: met at month end (overdue only from 1 Jan)
        engine.send("child/C2", "CinPlanStarted", "2026-12-01T10:00:00Z", "planId", "P2");
        engine.send("child/C2", "VisitRecorded", "2026-12-03T10:00:00Z", "visitId", "V2");
        // C3 visited Tue 8 Dec: due Tue 5 Jan 2027
        engine.send("child/C3", "CinPlanStarted", "2026-12-01T10:00:00Z", "planId", "P3");
        engine.send("child/C3", "VisitRecorded", "2026-12-08T10:00:00Z", "visitId", "V3");
    }

    @Test
    void recurring_aChildVisited20DaysAgoWhoseVisitFallsDueBeforeMonthEnd_isMetNowAndNotMetAtMonthEnd() {
        // Given now Wed 9 Dec 2026, month's last date Thu 31 Dec 2026
        try (EngineHarness engine = new EngineHarness("2026-12-09T12:00:00Z")) {
            givenThreeCinChildrenVisitedBy9December(engine);

            // When the December value is read
            IndicatorValue dec = engine.value("CIN4", "LA", "2026-12");

            // Then all three are met now, and C1 is not at month end: 3 of 3 now, 2 of 3 projected
            assertThat(new long[] {dec.numerator(), dec.denominator()}).containsExactly(3, 3);
            assertThat(projected(engine, "CIN4", "LA", "2026-12")).containsExactly(2L, 3L);
            assertThat(engine.item("child/C1", "CIN4").status()).isEqualTo(Status.IN_TIME);
            assertThat(engine.item("child/C1", "CIN4").due()).isEqualTo(LocalDate.of(2026, 12, 17));
            assertThat(engine.item("child/C2", "CIN4").due()).isEqualTo(LocalDate.of(2026, 12, 31));
        }
    }

    @Test
    void recurring_aCpVisitDueAcrossChristmas_isAtMonthEndOverdueOnlyWhenItsTenWorkingDaysEndBefore31December() {
        // Given now Tue 15 Dec 2026; 25 Dec (Fri) and 28 Dec (Mon, for Boxing Day on Saturday) are bank holidays
        try (EngineHarness engine = new EngineHarness("2026-12-15T12:00:00Z")) {
            // C1 visited Mon 14 Dec: + 10 WD = 15, 16, 17, 18, 21, 22, 23, 24, 29, 30 = Wed 30 Dec: overdue on 31 Dec
            engine.send("child/C1", "CpPlanStarted", "2026-12-01T10:00:00Z", "planId", "P1");
            engine.send("child/C1", "VisitRecorded", "2026-12-14T10:00:00Z", "visitId", "V1");
            // C2 visited Tue 15 Dec: + 10 WD = 16, 17, 18, 21, 22, 23, 24, 29, 30, 31 = Thu 31 Dec: met at month end
            // (without the two holidays it would be Tue 29 Dec, and overdue)
            engine.send("child/C2", "CpPlanStarted", "2026-12-01T10:00:00Z", "planId", "P2");
            engine.send("child/C2", "VisitRecorded", "2026-12-15T10:00:00Z", "visitId", "V2");

            assertThat(engine.item("child/C1", "CP13").due()).isEqualTo(LocalDate.of(2026, 12, 30));
            assertThat(engine.item("child/C2", "CP13").due()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(engine.tally("CP13", "LA", "2026-12")).containsExactly(2, 2);
            assertThat(projected(engine, "CP13", "LA", "2026-12")).containsExactly(1L, 2L);
        }
    }

    @Test
    void milestone_aPendingCoreGroupWhoseDeadlinePassesBeforeMonthEnd_countsOverdueInTheProjection_acrossChristmas() {
        // Given now Mon 21 Dec 2026
        try (EngineHarness engine = new EngineHarness("2026-12-21T12:00:00Z")) {
            // C1: ICPC Mon 14 Dec + 10 WD = Wed 30 Dec (25 and 28 Dec skipped): PENDING now, OVERDUE at 31 Dec
            engine.send("child/C1", "InitialConferenceHeld", "2026-12-14T10:00:00Z", "conferenceId", "I1", "outcome", "CP_PLAN");
            // C2: ICPC Tue 15 Dec + 10 WD = Thu 31 Dec: still PENDING at month end, so in neither figure
            engine.send("child/C2", "InitialConferenceHeld", "2026-12-15T10:00:00Z", "conferenceId", "I2", "outcome", "CP_PLAN");
            // C3: ICPC Tue 1 Dec, first core group Thu 3 Dec: ON_TIME
            engine.send("child/C3", "InitialConferenceHeld", "2026-12-01T10:00:00Z", "conferenceId", "I3", "outcome", "CP_PLAN");
            engine.send("child/C3", "CoreGroupHeld", "2026-12-03T10:00:00Z");

            // Then now: C3 only, 1 of 1; at month end C1 is OVERDUE too: 1 of 2
            assertThat(engine.item("child/C1", "CP6", "I1").status()).isEqualTo(Status.PENDING);
            assertThat(engine.item("child/C1", "CP6", "I1").due()).isEqualTo(LocalDate.of(2026, 12, 30));
            assertThat(engine.item("child/C2", "CP6", "I2").due()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(engine.tally("CP6", "LA", "2026-12")).containsExactly(1, 1);
            assertThat(projected(engine, "CP6", "LA", "2026-12")).containsExactly(1L, 2L);
        }
    }

    @Test
    void milestone_referencedByCompletion_anAssessmentOverdueByMonthEndFallsInNoMonth_soTheProjectionIsTheCompletedOnes() {
        // Given now Mon 21 Dec 2026
        try (EngineHarness engine = new EngineHarness("2026-12-21T12:00:00Z")) {
            // C1: started Mon 19 Oct + 45 WD = Mon 21 Dec (Oct 20-23, 26-30, Nov 2-6, 9-13, 16-20, 23-27, Nov 30-Dec 4,
            // Dec 7-11, 14-18, 21: 4 + 8 x 5 + 1): PENDING today, OVERDUE at month end, but AMT2 counts an item in
            // its completion's month, so an open one falls in none
            engine.send("child/C1", "AssessmentStarted", "2026-10-19T10:00:00Z", "assessmentId", "A1");
            // C2: started and completed in December, on time
            engine.send("child/C2", "AssessmentStarted", "2026-12-01T10:00:00Z", "assessmentId", "A2");
            engine.send("child/C2", "AssessmentCompleted", "2026-12-10T10:00:00Z", "assessmentId", "A2", "outcome", "NFA");

            assertThat(engine.item("child/C1", "AMT2", "A1").status()).isEqualTo(Status.PENDING);
            assertThat(engine.item("child/C1", "AMT2", "A1").due()).isEqualTo(LocalDate.of(2026, 12, 21));
            assertThat(engine.tally("AMT2", "LA", "2026-12")).containsExactly(1, 1);
            assertThat(projected(engine, "AMT2", "LA", "2026-12")).containsExactly(1L, 1L);
        }
    }

    @Test
    void closedMonthsHaveNoProjection_andTheMonthTurnRebuildsItForTheNewMonth() {
        // Given the CIN4 children of 9 Dec 2026 (due 17 Dec, 31 Dec, 5 Jan) and nothing else done
        try (EngineHarness engine = new EngineHarness("2026-12-09T12:00:00Z")) {
            givenThreeCinChildrenVisitedBy9December(engine);
            // C4 is open to early help: EH1 counts it, and nothing about it changes with time
            engine.send("child/C4", "EarlyHelpStarted", "2026-12-01T10:00:00Z", "episodeId", "EH1");
            assertThat(projected(engine, "EH1", "LA", "2026-12")).containsExactly(1L, 0L);
            // November, closed, has no projection
            assertThat(projected(engine, "CIN4", "LA", "2026-11")).containsExactly(null, null);

            // C1 goes overdue on Fri 18 Dec
            engine.advanceTo("2026-12-20T12:00:00Z");
            assertThat(engine.tally("CIN4", "LA", "2026-12")).containsExactly(2, 3);
            assertThat(engine.item("child/C1", "CIN4").status()).isEqualTo(Status.OVERDUE);

            // When the month turns (Fri 1 Jan 2027, 00:00 London = UTC in winter) and a minute passes
            engine.advanceTo("2027-01-01T00:01:00Z");

            // Then December closed as projected on 9 Dec (nothing was done): 2 of 3, and has no projection now
            assertThat(engine.tally("CIN4", "LA", "2026-12")).containsExactly(2, 3);
            assertThat(projected(engine, "CIN4", "LA", "2026-12")).containsExactly(null, null);
            // And January's is rebuilt from every child: now only C3 is in time (due 5 Jan), by 31 Jan none is
            assertThat(engine.tally("CIN4", "LA", "2027-01")).containsExactly(1, 3);
            assertThat(projected(engine, "CIN4", "LA", "2027-01")).containsExactly(0L, 3L);
            // C4 had nothing due: it woke for the turn alone, and January's EH1 projection counts it
            assertThat(engine.tally("EH1", "LA", "2027-01")).containsExactly(1, 0);
            assertThat(projected(engine, "EH1", "LA", "2027-01")).containsExactly(1L, 0L);
        }
    }

    @Test
    void onlyEventsThatHaveHappenedCount_aVisitDatedLaterTodayCountsOnceItsTimeComes_aRetractionCountsAtOnce() {
        // Given now Wed 9 Dec 2026 12:00; C1 and C2 have CIN plans from Tue 1 Dec, no visit: due 29 Dec, before 31 Dec
        try (EngineHarness engine = new EngineHarness("2026-12-09T12:00:00Z")) {
            engine.send("child/C1", "CinPlanStarted", "2026-12-01T10:00:00Z", "planId", "P1");
            engine.send("child/C2", "CinPlanStarted", "2026-12-01T10:00:00Z", "planId", "P2");
            // C1's visit is dated 14:00 today, two hours from now (the contract takes up to 24 h ahead)
            engine.send("child/C1", "VisitRecorded", "2026-12-09T14:00:00Z", "visitId", "V1");
            // C2's visit of yesterday is retracted by a retraction dated 14:00 today: it counts whatever its time
            String v2 = engine.send("child/C2", "VisitRecorded", "2026-12-08T10:00:00Z", "visitId", "V2");
            engine.send("child/C2", "EventRetracted", "2026-12-09T14:00:00Z", "retractedId", v2);

            // Then neither visit is in the projection: both due 29 Dec, overdue by 31 Dec
            assertThat(projected(engine, "CIN4", "LA", "2026-12")).containsExactly(0L, 2L);

            // When 14:00 passes, C1's visit has happened: due 9 Dec + 28 D = 6 Jan, met at month end
            engine.advanceTo("2026-12-09T14:00:01Z");
            assertThat(projected(engine, "CIN4", "LA", "2026-12")).containsExactly(1L, 2L);
        }
    }

    @Test
    void w1AndW3_projectFromTheWorkersWhoWouldHoldTheCasesAtMonthEnd() {
        // Given now Tue 10 Mar 2026: W1 holds C1, C2 in T1; W2 holds C3 in T1 and C4, C5 in T2
        try (EngineHarness engine = new EngineHarness("2026-03-10T12:00:00Z")) {
            String[][] cases = {{"C1", "T1", "W1"}, {"C2", "T1", "W1"}, {"C3", "T1", "W2"}, {"C4", "T2", "W2"}, {"C5", "T2", "W2"}};
            for (String[] c : cases) {
                engine.send("child/" + c[0], "ReferralReceived", "2026-01-05T10:00:00Z", "referralId", "R" + c[0]);
                engine.send("child/" + c[0], "CaseAllocated", "2026-01-06T10:00:00Z", "team", c[1], "worker", c[2]);
            }

            // Then W1 projects 5 cases over 2 distinct workers (not over 5 cases), W3 W2's 3 over the 2 workers
            assertThat(projected(engine, "W1", "LA", "2026-03")).containsExactly(5L, 2L);
            assertThat(projected(engine, "W3", "LA", "2026-03")).containsExactly(3L, 2L);
            assertThat(projected(engine, "W3", "team/T2", "2026-03")).containsExactly(2L, 1L);
        }
    }

    @Test
    void totalsStoredBeforeProjectionsExisted_readWithAProjectionOfZero() {
        // Given a month's totals as an engine without projections stored them
        String old = "{\"numerator\":3,\"denominator\":4,\"revisedNumerator\":1,\"revisedDenominator\":0,"
                + "\"workers\":{\"W1\":3},\"revisedWorkers\":{}}";

        // When they are read
        MonthTotals t = new JsonSerde<>(MonthTotals.class).deserializer()
                .deserialize("counters", old.getBytes(StandardCharsets.UTF_8));

        // Then the value and revision are as stored and the projection is zero, with no workers
        assertThat(new long[] {t.numerator(), t.denominator(), t.revisedNumerator()}).containsExactly(3, 4, 1);
        assertThat(t.workers()).isEqualTo(Map.of("W1", 3L));
        assertThat(new long[] {t.projectedNumerator(), t.projectedDenominator(), t.projectedDistinctWorkers()})
                .containsExactly(0, 0, 0);
        assertThat(t.addProjected(2, 3, "W2").projectedWorkers()).isEqualTo(Map.of("W2", 2L));
    }
}
