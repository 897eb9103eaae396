package org.caseclock.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.caseclock.events.out.Status;
import org.caseclock.engine.topology.EngineHarness;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample extract's two days, sent through the real engine (its own test harness) on a fixed clock,
 * Wed 8 April 2026 13:00 in London: the figures equal the ones worked out by hand from the CSV files.
 * Easter 2026: Good Friday 3 April and Easter Monday 6 April are no working days.
 */
class SsdFeedFiguresTest {

    @TempDir
    Path state;

    private EngineHarness engine;

    @BeforeEach
    void bothDaysThroughTheEngine() throws Exception {
        SampleExtract.Kept sent = new SampleExtract.Kept();
        SsdFeed feed = new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK);
        feed.runNew(SampleExtract.folder(), sent, false);
        engine = new EngineHarness(SampleExtract.NOW.toString());
        for (CaseEvent event : sent.events) {
            engine.sendRaw(event.subject().toString(), EventJson.mapper().writeValueAsString(event));
        }
        assertThat(engine.deadLetters()).isEmpty();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void cin4_fourOfFiveChildrenOnACinPlanSeenWithin28Days_onceTheCorrectedVisitDateArrives() {
        // C001 seen 30 Mar: due 27 Apr. C002 seen 16 Mar (day 2's correction of 9 Mar): due 13 Apr.
        // C003 plan 16 Mar, no visit: due 13 Apr. C004 seen 5 Feb (12 Mar not seen): due 5 Mar, overdue.
        // C005 seen 20 Mar: due 17 Apr. C006's plan ended 31 Mar: not counted.
        assertThat(engine.tally("CIN4", "LA", "2026-04")).containsExactly(4, 5);
        assertThat(engine.item("child/C002", "CIN4").due()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(engine.item("child/C004", "CIN4").status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void cp13_threeOfFiveChildrenOnACpPlanSeenWithinTenWorkingDays_acrossEaster() {
        // C007 seen Fri 27 Mar: +10 WD skipping 3 and 6 Apr = Tue 14 Apr. C008 seen Mon 23 Mar: Wed 8 Apr,
        // today, not yet overdue. C009 seen Fri 20 Mar: Tue 7 Apr, overdue. C010 plan Mon 30 Mar, no visit:
        // Wed 15 Apr. C012 seen 2 Feb (30 Mar not seen): 16 Feb, overdue. C011's plan ended: not counted.
        assertThat(engine.tally("CP13", "LA", "2026-04")).containsExactly(3, 5);
        assertThat(engine.item("child/C007", "CP13").due()).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(engine.item("child/C008", "CP13").due()).isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(engine.item("child/C008", "CP13").status()).isEqualTo(Status.DUE_SOON);
        assertThat(engine.item("child/C009", "CP13").due()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(engine.item("child/C009", "CP13").status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void cla11_fourOfSevenLookedAfterChildrenReviewedInTime_once13sRetractedReviewIsGone() {
        // C013 (from 1 Oct 2025) reviewed 22 Oct; its 25 Mar review vanished on day 2: 22 Oct + 3 M = 22 Jan, overdue.
        // C014 from Mon 16 Mar, no review (2 Apr's was cancelled): +20 WD skipping Easter = Wed 15 Apr.
        // C015 from 2 Feb, no review: 2 Mar, overdue. C016 reviewed 25 Jun, 20 Sep 2025: +6 M = 20 Mar, overdue.
        // C017 reviewed 26 Sep, 15 Dec 2025: 15 Jun. C018, one period of two SSD episodes (X1 on 10 Jan),
        // reviewed 28 Nov, 20 Feb: 20 Aug. C020 from 30 Mar: 28 Apr. C019 ceased 28 Feb: not counted.
        assertThat(engine.tally("CLA11", "LA", "2026-04")).containsExactly(4, 7);
        assertThat(engine.item("child/C013", "CLA11").due()).isEqualTo(LocalDate.of(2026, 1, 22));
        assertThat(engine.item("child/C014", "CLA11").due()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(engine.item("child/C018", "CLA11").due()).isEqualTo(LocalDate.of(2026, 8, 20));
        // the SSD episode ending X1 (a new episode follows) does not end the period of care
        assertThat(engine.item("child/C018", "CLA11").entryDate()).isEqualTo(LocalDate.of(2025, 11, 3));
    }

    @Test
    void mc6_noReturnInterviewCanBeDatedFromAnSsd_soEveryEndedEpisodeGoesOverdueAfter72Hours() {
        // March: C016 back 10 Mar 08:00, C017 back 20 Mar 07:45; the SSD says an RHI was offered, never when.
        assertThat(engine.tally("MC6", "LA", "2026-03")).containsExactly(0, 2);
        // April: C015 back Tue 7 Apr 09:15 (day 2): due 10 Apr 09:15, pending, so in no month's figure yet.
        // C013's "Absent" episode is no missing episode.
        assertThat(engine.tally("MC6", "LA", "2026-04")).containsExactly(0, 0);
        List<String> c015 = engine.items("child/C015", "MC6").stream().map(i -> i.status().name()).toList();
        assertThat(c015).containsExactly("PENDING");
        assertThat(engine.items("child/C013", "MC6")).isEmpty();
    }

    @Test
    void qa1_noSupervisionIsInAnSsd_soOnlyCasesOpenedWithinTheirIntervalAreInTime() {
        // 19 open cases: C001-C005 (CIN, 60 D), C007-C010, C012 (CP, 31 D), C013-C018, C020 (CLA, 60 D),
        // C021-C022 (leaving care from 18, 90 D). In time: C003 (23 Feb + 60 D = 24 Apr), C007 (9 Mar + 31 D
        // = 9 Apr), C010 (16 Mar: 16 Apr), C014 (2 Mar: 1 May), C020 (23 Mar: 22 May), C022 (18 on 1 Feb 2026:
        // 2 May). Closed: C006, C011, C019. C023, C024: contacts only, no case.
        assertThat(engine.tally("QA1", "LA", "2026-04")).containsExactly(6, 19);
        assertThat(engine.item("child/C007", "QA1").due()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(engine.item("child/C022", "QA1").due()).isEqualTo(LocalDate.of(2026, 5, 2));
    }
}
