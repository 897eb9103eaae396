package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseclock.events.out.IndicatorValue;
import org.junit.jupiter.api.Test;

/**
 * A subject's closed months are not worked out again for a live event unless it bears on them:
 * these are the events that do, and each must still change the month it bears on.
 */
class MonthEndReuseTopologyTest {

    private static final String CHILD = "child/C1";

    @Test
    void aVisitRecordedInFebruaryButDatedInDecember_revisesDecembersMonthEndKeptFromTheFirstEvaluation() {
        try (EngineHarness engine = new EngineHarness("2026-02-10T12:00:00Z")) {
            // Given a CIN plan from Mon 1 Dec 2025 with no visit, first evaluated on 10 Feb 2026:
            // CIN4 due 1 Dec + 28 D = 29 Dec, so overdue at the ends of December and January
            engine.send(CHILD, "CaseAllocated", "2025-12-01T09:00:00Z", "team", "T1", "worker", "W1");
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            assertThat(engine.tally("CIN4", "LA", "2025-12")).containsExactly(0, 1);
            assertThat(engine.tally("CIN4", "LA", "2026-01")).containsExactly(0, 1);
            // When a visit dated Sat 20 Dec 2025 is recorded on 10 Feb 2026
            engine.event(CHILD, "VisitRecorded", "2025-12-20T10:00:00Z", "visitId", "V1")
                    .recordedAt("2026-02-10T11:00:00Z").send();
            // Then December's end had a visit due 20 Dec + 28 D = 17 Jan: in time, 1 of 1, though first reported 0 of 1
            IndicatorValue dec = engine.value("CIN4", "LA", "2025-12");
            assertThat(new long[] {dec.numerator(), dec.denominator()}).containsExactly(1, 1);
            assertThat(dec.firstReportedNumerator()).isEqualTo(0);
            // And January's end (after 17 Jan) is still overdue
            assertThat(engine.tally("CIN4", "LA", "2026-01")).containsExactly(0, 1);
        }
    }

    @Test
    void aRetractionRecordedInFebruary_takesBackADecemberVisitFromDecembersMonthEnd() {
        try (EngineHarness engine = new EngineHarness("2026-02-10T12:00:00Z")) {
            // Given a CIN plan from 1 Dec 2025 and a visit on 20 Dec, each recorded when it happened:
            // due 17 Jan 2026, so in time at December's end (1 of 1)
            engine.send(CHILD, "CaseAllocated", "2025-12-01T09:00:00Z", "team", "T1", "worker", "W1");
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            String visit = engine.send(CHILD, "VisitRecorded", "2025-12-20T10:00:00Z", "visitId", "V1");
            assertThat(engine.tally("CIN4", "LA", "2025-12")).containsExactly(1, 1);
            // When the visit is retracted on 10 Feb 2026
            engine.send(CHILD, "EventRetracted", "2026-02-10T11:00:00Z", "retractedId", visit);
            // Then December's end had no visit (due 29 Dec: overdue, 0 of 1); as first reported it stays 1 of 1
            IndicatorValue dec = engine.value("CIN4", "LA", "2025-12");
            assertThat(new long[] {dec.numerator(), dec.denominator()}).containsExactly(0, 1);
            assertThat(dec.firstReportedNumerator()).isEqualTo(1);
        }
    }
}
