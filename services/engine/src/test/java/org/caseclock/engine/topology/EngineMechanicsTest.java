package org.caseclock.engine.topology;

import org.caseclock.events.out.IndicatorValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.caseclock.events.out.Status;
import org.caseclock.events.out.ComplianceItem;
import org.junit.jupiter.api.Test;

/** How the engine handles its input: duplicates, retractions, order, lateness, transfers, months. */
class EngineMechanicsTest {

    private static final String CHILD = "child/C1";
    private static final String OTHER = "child/C2";

    @Test
    void theSameIdSentTwiceIsOneEvent() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.event(CHILD, "ContactReceived", "2026-01-05T09:00:00Z", "contactId", "K1").id("same").send();
            engine.event(CHILD, "ContactReceived", "2026-01-05T09:00:00Z", "contactId", "K1").id("same").send();
            engine.event("child/C2", "MissingEpisodeStarted", "2026-01-05T09:00:00Z", "episodeId", "M1").id("m1").send();
            engine.event("child/C2", "MissingEpisodeStarted", "2026-01-06T09:00:00Z", "episodeId", "M2").id("m2").send();
            // A third start re-delivered under an id already seen is not a third episode
            engine.event("child/C2", "MissingEpisodeStarted", "2026-01-06T09:00:00Z", "episodeId", "M2").id("m2").send();
            assertThat(engine.tally("FD1", "LA", "2026-01")).containsExactly(0, 1);
            assertThat(engine.value("MC1", "LA", "2026-01")).isNull();
        }
    }

    @Test
    void aRetractionUndoesItsEvent_whateverTheRetractionsOwnTime() {
        try (EngineHarness engine = new EngineHarness("2026-01-05T12:00:00Z")) {
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            String visit = engine.send(CHILD, "VisitRecorded", "2025-12-20T10:00:00Z", "visitId", "V1");
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2026, 1, 17));
            engine.send(CHILD, "EventRetracted", "2026-01-05T11:00:00Z", "retractedId", visit);
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2025, 12, 29));
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.OVERDUE);
            // A retraction of an id never seen changes nothing but is counted for data quality
            engine.send(CHILD, "EventRetracted", "2026-01-05T11:00:00Z", "retractedId", "nope");
            assertThat(engine.value("DQ_RETRACTION_OF_UNKNOWN_ID", "LA", "2026-01").numerator()).isEqualTo(1);
        }
    }

    @Test
    void contradictoryEventsAreCountedForDataQualityAndChangeNothingElse() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send(CHILD, "VisitRecorded", "2026-01-05T10:00:00Z", "visitId", "V1");
            engine.send(CHILD, "CinPlanEnded", "2026-01-06T10:00:00Z", "planId", "P9");
            assertThat(engine.value("DQ_VISIT_WITHOUT_EPISODE", "LA", "2026-01").numerator()).isEqualTo(1);
            assertThat(engine.value("DQ_END_WITHOUT_START", "LA", "2026-01").numerator()).isEqualTo(1);
            assertThat(engine.items(CHILD, "CIN4")).isEmpty();
        }
    }

    @Test
    void outOfOrderDeliveryGivesTheSameResultAsEventTimeOrder() {
        List<Consumer<EngineHarness>> events = new ArrayList<>();
        events.add(e -> e.event(CHILD, "CaseAllocated", "2025-11-01T09:00:00Z", "team", "T1", "worker", "W1").id("a").send());
        events.add(e -> e.event(CHILD, "ReferralReceived", "2025-11-01T10:00:00Z", "referralId", "R1").id("b").send());
        events.add(e -> e.event(CHILD, "CinPlanStarted", "2025-11-20T10:00:00Z", "planId", "P1").id("c").send());
        events.add(e -> e.event(CHILD, "VisitRecorded", "2025-12-10T10:00:00Z", "visitId", "V1").id("d").send());
        events.add(e -> e.event(CHILD, "CaseAllocated", "2025-12-15T09:00:00Z", "team", "T2", "worker", "W2").id("e").send());
        events.add(e -> e.event(CHILD, "CpPlanStarted", "2026-01-05T10:00:00Z", "planId", "CP1").id("f").send());
        events.add(e -> e.event(CHILD, "CinPlanEnded", "2026-01-05T10:00:00Z", "planId", "P1").id("g").send());
        events.add(e -> e.event(CHILD, "VisitRecorded", "2026-01-09T10:00:00Z", "visitId", "V2").id("h").send());
        events.add(e -> e.event(CHILD, "ContactReceived", "2026-01-12T10:00:00Z", "contactId", "K1").id("i").send());
        events.add(e -> e.event(CHILD, "ContactDecided", "2026-01-13T12:00:00Z", "contactId", "K1", "outcome", "NFA").id("j").send());

        Map<String, Object> inOrder = runAll(events);
        List<Consumer<EngineHarness>> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(7));
        Map<String, Object> outOfOrder = runAll(shuffled);
        Collections.reverse(shuffled);
        Map<String, Object> reversed = runAll(shuffled);

        assertThat(outOfOrder).isEqualTo(inOrder);
        assertThat(reversed).isEqualTo(inOrder);
        assertThat(inOrder).containsKey("CIN4|team/T2|2025-12");
    }

    /** Final items (updatedAt aside) and counter values after sending everything. */
    private static Map<String, Object> runAll(List<Consumer<EngineHarness>> events) {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            events.forEach(e -> e.accept(engine));
            Map<String, Object> result = new TreeMap<>();
            for (ComplianceItem i : engine.allItems().values()) {
                result.put(i.key(), List.of(i.status(), String.valueOf(i.team()), String.valueOf(i.due()),
                        String.valueOf(i.lastActivity())));
            }
            for (String code : new String[] {"CIN4", "CP13", "QA1", "FD1", "FD8", "W1"}) {
                for (String scope : new String[] {"team/T1", "team/T2", "LA"}) {
                    for (String month : new String[] {"2025-11", "2025-12", "2026-01"}) {
                        IndicatorValue v = engine.value(code, scope, month);
                        if (v != null && (v.numerator() != 0 || v.denominator() != 0)) {
                            result.put(code + "|" + scope + "|" + month, List.of(v.numerator(), v.denominator(),
                                    String.valueOf(v.firstReportedNumerator()), String.valueOf(v.firstReportedDenominator())));
                        }
                    }
                }
            }
            return result;
        }
    }

    @Test
    void aLateEventRevisesAClosedMonth_andTheValueFirstReportedIsKeptBesideIt() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            // Given a CIN plan from 1 Dec with no visit: overdue from 30 Dec, so January ends 0 of 1
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            engine.advanceTo("2026-02-05T09:00:00Z");
            assertThat(engine.tally("CIN4", "LA", "2026-01")).containsExactly(0, 1);
            assertThat(engine.value("CIN4", "LA", "2026-01").firstReportedNumerator()).isEqualTo(0);
            // When a visit of 10 Jan is recorded on 5 Feb (due 7 Feb, so in time at the end of January)
            engine.event(CHILD, "VisitRecorded", "2026-01-10T10:00:00Z", "visitId", "V1")
                    .recordedAt("2026-02-05T09:00:00Z").send();
            // Then January's value is revised to 1 of 1 while first reported stays 0 of 1
            IndicatorValue jan = engine.value("CIN4", "LA", "2026-01");
            assertThat(new long[] {jan.numerator(), jan.denominator()}).containsExactly(1, 1);
            assertThat(jan.firstReportedNumerator()).isEqualTo(0);
            assertThat(jan.firstReportedDenominator()).isEqualTo(1);
            // And December (the visit came after it) is untouched
            assertThat(engine.tally("CIN4", "LA", "2025-12")).containsExactly(0, 1);
        }
    }

    @Test
    void loadingHistoryAtOnceGivesTheSameMonthsAndFirstReportedAsRunningLiveThroughIt() {
        // Backfilled in February: the recordedat of each event says what was known at January's end
        try (EngineHarness engine = new EngineHarness("2026-02-10T12:00:00Z")) {
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            engine.event(CHILD, "VisitRecorded", "2026-01-10T10:00:00Z", "visitId", "V1")
                    .recordedAt("2026-02-05T09:00:00Z").send();
            IndicatorValue jan = engine.value("CIN4", "LA", "2026-01");
            assertThat(new long[] {jan.numerator(), jan.denominator()}).containsExactly(1, 1);
            assertThat(jan.firstReportedNumerator()).isEqualTo(0);
            assertThat(jan.firstReportedDenominator()).isEqualTo(1);
        }
    }

    @Test
    void aPeriodItemPendingAtMonthEndAndCompletedOnTimeLaterCountsOnTimeInItsMonth_butNotAsFirstReported() {
        try (EngineHarness engine = new EngineHarness("2026-02-02T12:00:00Z")) {
            engine.send(CHILD, "ContactReceived", "2026-01-31T20:00:00Z", "contactId", "K1");
            engine.send(CHILD, "ContactDecided", "2026-02-01T10:00:00Z", "contactId", "K1", "outcome", "NFA");
            IndicatorValue jan = engine.value("FD1", "LA", "2026-01");
            assertThat(new long[] {jan.numerator(), jan.denominator()}).containsExactly(1, 1);
            assertThat(jan.firstReportedNumerator()).isEqualTo(0);
            assertThat(jan.firstReportedDenominator()).isEqualTo(0);
        }
    }

    @Test
    void aTeamTransferMovesTheChildsContributionFromThatInstantOn() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send(CHILD, "CaseAllocated", "2025-12-01T09:00:00Z", "team", "T1", "worker", "W1");
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            engine.send(CHILD, "VisitRecorded", "2026-01-05T10:00:00Z", "visitId", "V1");
            assertThat(engine.tally("CIN4", "team/T1", "2026-01")).containsExactly(1, 1);
            engine.send(CHILD, "CaseAllocated", "2026-01-15T09:00:00Z", "team", "CLA1", "worker", "W7");
            assertThat(engine.tally("CIN4", "team/T1", "2026-01")).containsExactly(0, 0);
            assertThat(engine.tally("CIN4", "team/CLA1", "2026-01")).containsExactly(1, 1);
            assertThat(engine.tally("CIN4", "service/FAM", "2026-01")).containsExactly(0, 0);
            assertThat(engine.tally("CIN4", "service/CIC", "2026-01")).containsExactly(1, 1);
            assertThat(engine.tally("CIN4", "LA", "2026-01")).containsExactly(1, 1);
            // December's month-end snapshot still belongs to the team that held the child then
            assertThat(engine.tally("CIN4", "team/T1", "2025-12")).containsExactly(0, 1);
            assertThat(engine.item(CHILD, "CIN4").worker()).isEqualTo("W7");
        }
    }

    /**
     * INDICATORS.md, team attribution: a period item takes the team just before the case closed if
     * it closed within the item's date, but "the case" is the child's case at the end of that date:
     * when the next case opens the same day, the new case counts, UNALLOCATED until it is allocated.
     */
    @Test
    void aCaseClosedAndReopenedOnTheSameDateGivesThatDatesItemsTheNewCasesTeam_unallocatedUntilItIsAllocated() {
        try (EngineHarness engine = new EngineHarness("2026-01-21T12:00:00Z")) {
            // Given a child referred on Mon 5 Jan and allocated to T1
            engine.send(CHILD, "ReferralReceived", "2026-01-05T09:00:00Z", "referralId", "R1");
            engine.send(CHILD, "CaseAllocated", "2026-01-05T10:00:00Z", "team", "T1", "worker", "W1");
            // And a second child whose case T1 closes on Tue 20 Jan, with a referral earlier that day
            engine.send(OTHER, "ReferralReceived", "2026-01-05T09:00:00Z", "referralId", "R8");
            engine.send(OTHER, "CaseAllocated", "2026-01-05T10:00:00Z", "team", "T1", "worker", "W1");
            engine.send(OTHER, "ReferralReceived", "2026-01-20T09:00:00Z", "referralId", "R9");
            engine.send(OTHER, "CaseClosed", "2026-01-20T10:00:00Z", "reason", "NFA");

            // When the first child's case closes at 10:00 on Tue 20 Jan and a new referral opens a new case at 14:00
            engine.send(CHILD, "CaseClosed", "2026-01-20T10:00:00Z", "reason", "NFA");
            engine.send(CHILD, "ReferralReceived", "2026-01-20T14:00:00Z", "referralId", "R2");

            // Then the referral dated that day counts for the new case, not yet allocated
            assertThat(engine.item(CHILD, "FD7", "R2").team()).isEqualTo("UNALLOCATED");
            // While the case closed that day and not reopened keeps the team that held it just before
            assertThat(engine.item(OTHER, "FD7", "R9").team()).isEqualTo("T1");

            // When the new case is allocated to T2 at 16:00 the same day / Then the day's item is T2's
            engine.send(CHILD, "CaseAllocated", "2026-01-20T16:00:00Z", "team", "T2", "worker", "W2");
            assertThat(engine.item(CHILD, "FD7", "R2").team()).isEqualTo("T2");
            assertThat(engine.item(CHILD, "FD7", "R2").worker()).isEqualTo("W2");
        }
    }

    @Test
    void aSnapshotCounterCarriesIntoTheNewMonthWithoutLookingAtAnySubject() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.send(CHILD, "CinPlanStarted", "2026-01-10T10:00:00Z", "planId", "P1");
            assertThat(engine.tally("CIN4", "LA", "2026-01")).containsExactly(1, 1);
            assertThat(engine.value("CIN4", "LA", "2026-02")).isNull();
            engine.advanceTo("2026-02-01T00:00:02Z");
            assertThat(engine.tally("CIN4", "LA", "2026-02")).containsExactly(1, 1);
            assertThat(engine.value("CIN4", "LA", "2026-01").firstReportedNumerator()).isEqualTo(1);
            // The child goes overdue on 8 Feb: only February changes
            engine.advanceTo("2026-02-08T00:00:02Z");
            assertThat(engine.tally("CIN4", "LA", "2026-02")).containsExactly(0, 1);
            assertThat(engine.tally("CIN4", "LA", "2026-01")).containsExactly(1, 1);
        }
    }

    @Test
    void behindABacklogASubjectIsEvaluatedOnceForItsEvents_whenItsDelayEnds_evenWhileRecordsKeepComing() {
        // Given an engine that coalesces when more than 5 s behind, putting evaluations off for 10 s
        var load = new EngineSettings.Load(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1));
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z", load)) {
            engine.send(CHILD, "CaseAllocated", "2025-12-01T09:00:00Z", "team", "T1", "worker", "W1");
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            assertThat(engine.item(CHILD, "CIN4")).isNotNull();
            // When two visits come off the topic a minute after they were written, 4 s apart, and
            // another child's record 4 s later keeps the input busy
            engine.event(CHILD, "VisitRecorded", "2025-12-20T10:00:00Z", "visitId", "V1").sendWrittenAt("2026-01-20T11:59:00Z");
            engine.advance(Duration.ofSeconds(4));
            engine.event(CHILD, "VisitRecorded", "2026-01-10T10:00:00Z", "visitId", "V2").sendWrittenAt("2026-01-20T11:59:00Z");
            engine.advance(Duration.ofSeconds(4));
            engine.event("child/C2", "VisitRecorded", "2026-01-10T10:00:00Z", "visitId", "V9").sendWrittenAt("2026-01-20T11:59:00Z");
            // Then they are stored but not yet evaluated
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2025, 12, 29));
            // Then 10 s after the first was put off (3 s after the last record) it is evaluated once, with both:
            // last visit 10 Jan + 28 days = 7 Feb
            engine.advance(Duration.ofSeconds(3));
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2026, 2, 7));
            // And the month values it changed are published by the counters' next punctuation, once
            engine.advance(Duration.ofSeconds(1));
            assertThat(engine.tally("CIN4", "team/T1", "2026-01")).containsExactly(1, 1);
        }
    }

    @Test
    void aPutOffEvaluationIsDoneOnceNoRecordHasComeForFiveSeconds_notWhenItsDelayEnds() {
        // Given an engine that coalesces when more than 5 s behind, putting evaluations off for 30 s
        var load = new EngineSettings.Load(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1));
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z", load)) {
            engine.send(CHILD, "CaseAllocated", "2025-12-01T09:00:00Z", "team", "T1", "worker", "W1");
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            // When a visit written a minute ago comes off the topic (a backlog), it is put off
            engine.event(CHILD, "VisitRecorded", "2026-01-10T10:00:00Z", "visitId", "V1").sendWrittenAt("2026-01-20T11:59:00Z");
            engine.advance(Duration.ofSeconds(4));
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2025, 12, 29));
            // Then the punctuation 5 s after the last record finds the input worked through and
            // evaluates it, 25 s before its put-off ends: 10 Jan + 28 days = 7 Feb
            engine.advance(Duration.ofSeconds(1));
            assertThat(engine.item(CHILD, "CIN4").due()).isEqualTo(LocalDate.of(2026, 2, 7));
        }
    }

    @Test
    void anInvalidRecordFromADirectProducerGoesToTheDeadLetterTopicWithTheReason() {
        try (EngineHarness engine = new EngineHarness("2026-01-20T12:00:00Z")) {
            engine.sendRaw(CHILD, "{\"specversion\":\"1.0\",\"id\":\"x1\",\"source\":\"s\",\"type\":\"VisitRecorded\","
                    + "\"subject\":\"child/C1\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{}}");
            engine.sendRaw(CHILD, "not json");
            engine.sendRaw("child/OTHER", "{\"specversion\":\"1.0\",\"id\":\"x2\",\"source\":\"s\",\"type\":\"CinPlanStarted\","
                    + "\"subject\":\"child/C1\",\"time\":\"2026-01-05T10:00:00Z\",\"data\":{\"planId\":\"P1\"}}");
            assertThat(engine.deadLetters()).hasSize(3);
            assertThat(reason(engine, 0)).contains("data.visitId");
            assertThat(reason(engine, 1)).contains("JSON");
            assertThat(reason(engine, 2)).contains("key must equal the subject");
            assertThat(new String(engine.deadLetters().get(1).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
            assertThat(engine.items(CHILD, "CIN4")).isEmpty();
        }
    }

    private static String reason(EngineHarness engine, int i) {
        return new String(engine.deadLetters().get(i).headers().lastHeader(EngineTopics.ERROR_HEADER).value(),
                StandardCharsets.UTF_8);
    }
}
