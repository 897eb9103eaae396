package org.caseclock.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.caseclock.engine.topology.EngineHarness;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventJson;
import org.caseclock.events.EventType;
import org.caseclock.feeds.reading.Fields;
import org.caseclock.feeds.ssd.SsdTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample extract's early help episodes, immunisations, permanence and care leavers' latest contacts (the
 * catalogue's v1.1 events), as sent and through the real engine as at Wed 8 April 2026 13:00 in London.
 */
class SsdFeedV11Test {

    @TempDir
    Path state;

    private List<CaseEvent> sample() throws Exception {
        SampleExtract.Kept sent = new SampleExtract.Kept();
        new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK).runNew(SampleExtract.folder(), sent, false);
        return sent.events;
    }

    @Test
    void earlyHelpEpisodesStartAndEnd_theirEndReasonReadByItsWords_aStepDownToSupportIsNoStepUp() throws Exception {
        List<CaseEvent> events = sample();

        assertThat(of(events, EventType.EarlyHelpStarted)).containsExactlyInAnyOrder(
                tuple("child/C023", LocalDate.of(2026, 1, 12), new EventData.EarlyHelpStarted("EH01")),
                tuple("child/C024", LocalDate.of(2025, 11, 3), new EventData.EarlyHelpStarted("EH02")),
                tuple("child/C001", LocalDate.of(2025, 9, 1), new EventData.EarlyHelpStarted("EH03")),
                tuple("child/C023", LocalDate.of(2025, 6, 2), new EventData.EarlyHelpStarted("EH04")));
        assertThat(of(events, EventType.EarlyHelpEnded)).containsExactlyInAnyOrder(
                tuple("child/C024", LocalDate.of(2026, 3, 2), new EventData.EarlyHelpEnded("EH02", EventData.EarlyHelpEndReason.STEP_UP)),
                tuple("child/C001", LocalDate.of(2026, 1, 30), new EventData.EarlyHelpEnded("EH03", EventData.EarlyHelpEndReason.OUTCOMES_MET)),
                tuple("child/C023", LocalDate.of(2025, 9, 15), new EventData.EarlyHelpEnded("EH04", EventData.EarlyHelpEndReason.OTHER)));
        assertThat(SsdTable.endReason("Moved out of area")).isEqualTo(EventData.EarlyHelpEndReason.MOVED);
        assertThat(SsdTable.endReason("Removed in error")).isEqualTo(EventData.EarlyHelpEndReason.OTHER);
        assertThat(SsdTable.endReason("Family disengaged")).isEqualTo(EventData.EarlyHelpEndReason.DISENGAGED);
    }

    @Test
    void anImmunisationStatusIsRecordedAtItsDate_oneWithoutADateIsNone_andPermanenceGivesTheOrderAndTheMatch() throws Exception {
        List<CaseEvent> events = sample();

        assertThat(of(events, EventType.ImmunisationsRecorded)).containsExactlyInAnyOrder(
                tuple("child/C013", LocalDate.of(2026, 2, 10), new EventData.ImmunisationsRecorded(true)),
                tuple("child/C016", LocalDate.of(2025, 12, 1), new EventData.ImmunisationsRecorded(false)));
        assertThat(of(events, EventType.PlacementOrderGranted)).containsExactly(
                tuple("child/C013", LocalDate.of(2026, 1, 20), new EventData.PlacementOrderGranted()));
        assertThat(of(events, EventType.AdoptionMatched)).containsExactly(
                tuple("child/C013", LocalDate.of(2026, 3, 2), new EventData.AdoptionMatched()));
        // a care leaver's latest contact: in touch, in higher education (F1), suitably housed (1)
        assertThat(of(events, EventType.CareLeaverContactRecorded)).containsExactlyInAnyOrder(
                tuple("child/C021", LocalDate.of(2026, 3, 1), new EventData.CareLeaverContactRecorded(true, true, true)),
                tuple("child/C022", LocalDate.of(2026, 3, 1), new EventData.CareLeaverContactRecorded(true, true, true)));
    }

    @Test
    void throughTheEngine_eh1_eh8_cl2ToCl4_andA2_areTheFiguresWorkedByHand() throws Exception {
        List<CaseEvent> events = sample();
        try (EngineHarness engine = new EngineHarness(SampleExtract.NOW.toString())) {
            for (CaseEvent event : events) {
                engine.sendRaw(event.subject().toString(), EventJson.mapper().writeValueAsString(event));
            }
            assertThat(engine.deadLetters()).isEmpty();
            // EH1: only EH01 (C023, from 12 Jan) is open on 8 Apr
            assertThat(engine.tally("EH1", "LA", "2026-04")[0]).isEqualTo(1);
            // EH8: March's one ending (EH02, 2 Mar) was a step up; September's (EH04, a step down to support) was not
            assertThat(engine.tally("EH8", "LA", "2026-03")).containsExactly(1, 1);
            assertThat(engine.tally("EH8", "LA", "2025-09")).containsExactly(0, 1);
            // CL2-CL4: C022's 18th birthday, 1 Feb 2026 (leaving care from then): contact 1 Mar is within [1 Nov, 1 Mar]
            assertThat(engine.tally("CL2", "LA", "2026-02")).containsExactly(1, 1);
            assertThat(engine.tally("CL3", "LA", "2026-02")).containsExactly(1, 1);
            assertThat(engine.tally("CL4", "LA", "2026-02")).containsExactly(1, 1);
            // C021's 18th, 10 May 2025: no contact in [10 Feb, 10 Jun 2025]
            assertThat(engine.tally("CL2", "LA", "2025-05")).containsExactly(0, 1);
            // A2: C013's order 20 Jan, match 2 Mar 2026, in the period of care from 1 Oct 2025: 11 + 28 + 2 = 41 days
            assertThat(engine.tally("A2", "LA", "2026-03")).containsExactly(41, 1);
        }
    }

    private static List<org.assertj.core.groups.Tuple> of(List<CaseEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type)
                .map(e -> tuple(e.subject().toString(), e.time().atZoneSameInstant(Fields.LONDON).toLocalDate(), e.data())).toList();
    }
}
