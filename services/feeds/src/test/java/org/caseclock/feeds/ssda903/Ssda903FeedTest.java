package org.caseclock.feeds.ssda903;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.caseclock.engine.topology.EngineHarness;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.feeds.Returns;
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.RunReport.RowIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-made 2023-24 SSDA903 return (returns/ssda903-2023-24) through the SSDA903 importer. */
class Ssda903FeedTest {

    @TempDir
    Path state;

    @Test
    void aReturnBecomesTheEventsOfEveryReadableRow_withHeadersInAnyCaseAndSpacing_andEachBadRowNamedByFileLineAndField() throws Exception {
        // Given the return, whose episodes file writes its headers as " decom ", "ls", "place provider", "PL-POST"
        Returns.Kept sent = new Returns.Kept();

        // When it is imported
        RunReport report = new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), sent, false);
        List<CaseEvent> events = sent.takeAll();

        // Then (worked from the files) every readable row is its events
        assertThat(Returns.byType(events)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ChildRegistered", 9, "BecameLookedAfter", 7, "PlacementStarted", 9, "CeasedLookedAfter", 1,
                "ReviewHeld", 3, "MissingEpisodeStarted", 1, "MissingEpisodeEnded", 1));
        // and each bad row is named by its file and line, or its child and date, with the field
        assertThat(report.notConverted()).extracting(RowIssue::table, RowIssue::row, RowIssue::reason).containsExactlyInAnyOrder(
                tuple("Header", "C210 (header.csv line 11)", "DOB is blank"),
                tuple("Episodes", "episodes.csv line 11", "DECOM is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)"),
                tuple("Reviews", "reviews.csv line 5", "REVIEW is blank"),
                tuple("Missing", "C201/2024-02-01 (missing.csv line 4)", "MISSING is neither M (missing) nor A (away without authorisation)"));
        // the UASC file is not one this importer reads, and says so
        assertThat(report.tablesKept()).extracting(RunReport.TableIssue::table).containsExactly("(not read)");
        assertThat(report.rowsRead()).containsEntry("OC3", 1).containsEntry("Episodes", 11);
    }

    @Test
    void episodesMakePeriodsOfCare_anX1EpisodeContinuesItsPeriod_aLegalStatusChangeIsNoPlacement_andA5IsPlacedForAdoption() throws Exception {
        Returns.Kept sent = new Returns.Kept();
        new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), sent, false);
        List<CaseEvent> events = sent.takeAll();

        // C201: one period from 1 Apr 2023 (the X1 episode does not end it), two placements
        assertThat(of(events, "C201", EventType.BecameLookedAfter)).containsExactly(new EventData.BecameLookedAfter("C201-CLA-20230401", "C2"));
        assertThat(of(events, "C201", EventType.PlacementStarted)).hasSize(2);
        assertThat(of(events, "C201", EventType.CeasedLookedAfter)).isEmpty();
        // C202 ceased (E4A) on 20 Feb 2024
        assertThat(of(events, "C202", EventType.CeasedLookedAfter)).containsExactly(new EventData.CeasedLookedAfter("C202-CLA-20240110", "E4A"));
        // C204's first episode continues a period begun before the return: it starts there, as nothing earlier is known
        assertThat(of(events, "C204", EventType.BecameLookedAfter)).containsExactly(new EventData.BecameLookedAfter("C204-CLA-20230501", "C2"));
        // C205's change of legal status (RNE L) is no placement
        assertThat(of(events, "C205", EventType.PlacementStarted)).hasSize(1);
        // C206 placed for adoption (A5)
        assertThat(of(events, "C206", EventType.PlacementStarted)).extracting(d -> ((EventData.PlacementStarted) d).placementType())
                .containsExactly("U3", "ADOPTION");
    }

    @Test
    void reRunningTheSameReturnSendsNothingNew() throws Exception {
        Returns.Kept sent = new Returns.Kept();
        RunReport first = new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), sent, false);
        sent.takeAll();

        RunReport again = new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), sent, false);

        assertThat(sent.takeAll()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(first.sentTotal());
    }

    @Test
    void cla11_theFirstReviewOfAChildLookedAfterFromMonday18March2024IsDue20WorkingDaysOn_skippingGoodFridayAndEasterMonday() throws Exception {
        // Given the return's events through the engine, as at Wed 10 Apr 2024
        Returns.Kept sent = new Returns.Kept();
        new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), sent, false);
        try (EngineHarness engine = Returns.engine("2024-04-10T11:00:00Z", sent.events)) {
            // Then C203's first review is due Mon 18 Mar + 20 WD: 19-22, 25-28 Mar (8), 2-5 Apr (12), 8-12 (17), 15-17 = Wed 17 Apr
            assertThat(engine.deadLetters()).isEmpty();
            assertThat(engine.item("child/C203", "CLA11").due()).isEqualTo(LocalDate.of(2024, 4, 17));
        }
    }

    private static List<EventData> of(List<CaseEvent> events, String child, EventType type) {
        return events.stream().filter(e -> e.type() == type && e.subject().toString().equals("child/" + child)).map(CaseEvent::data).toList();
    }
}
