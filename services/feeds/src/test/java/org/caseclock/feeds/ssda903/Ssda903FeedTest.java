package org.caseclock.feeds.ssda903;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
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
import org.caseclock.feeds.reading.Fields;
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
                "ChildRegistered", 9, "BecameLookedAfter", 8, "PlacementStarted", 10, "CeasedLookedAfter", 1,
                "ReviewHeld", 3, "MissingEpisodeStarted", 1, "MissingEpisodeEnded", 1,
                "CareLeaverContactRecorded", 4, "PlacementOrderGranted", 1, "AdoptionMatched", 1));
        // and each bad row is named by its file and line, or its child and date, with the field
        assertThat(report.notConverted()).extracting(RowIssue::table, RowIssue::row, RowIssue::reason).containsExactlyInAnyOrder(
                tuple("Header", "C210 (header.csv line 11)", "DOB is blank"),
                tuple("Episodes", "episodes.csv line 12", "DECOM is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)"),
                tuple("Reviews", "reviews.csv line 5", "REVIEW is blank"),
                tuple("Missing", "C201/2024-02-01 (missing.csv line 4)", "MISSING is neither M (missing) nor A (away without authorisation)"),
                tuple("OC3", "C215 (oc3.csv line 6)", "ACCOM is not an accommodation code (a letter B to Z, then 1 suitable or 2 not suitable; or 0)"),
                tuple("OC3", "C216 (oc3.csv line 7)", "IN_TOUCH is not one of YES, NO, DIED, REFU, NREQ, RHOM"),
                tuple("OC3", "C217 (oc3.csv line 8)", "no 17th to 21st birthday in the collection year 2023-24 (2023-04-01 to 2024-03-31):"
                        + " OC3 is of care leavers with one"),
                tuple("AD1", "ad1.csv line 3", "DATE_MATCH is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)"));
        // the UASC file is not one this importer reads, and says so
        assertThat(report.tablesKept()).extracting(RunReport.TableIssue::table).containsExactly("(not read)");
        assertThat(report.rowsRead()).containsEntry("OC3", 7).containsEntry("Episodes", 13).containsEntry("AD1", 2);
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
    void oc3IsAContactAtTheCareLeaversBirthdayInTheReturnsYear_inTouchIfYes_eetIfAnFOrPActivity_suitableIfAccomEndsIn1() throws Exception {
        // Given the 2023-24 return (1 Apr 2023 to 31 Mar 2024, from the folder's name) and its OC3 rows
        Returns.Kept sent = new Returns.Kept();

        // When it is imported
        new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), sent, false);
        List<CaseEvent> events = sent.takeAll();

        // Then C209 (born 25 Dec 2005) is in touch on her 18th birthday, 25 Dec 2023, in education (F2), suitably housed (S1)
        assertThat(contact(events, "C209")).containsExactly(tuple(LocalDate.of(2023, 12, 25), new EventData.CareLeaverContactRecorded(true, true, true)));
        // C212 (born 29 Feb 2004) on his 20th, 29 Feb 2024 (a leap year), in training or employment (F5)
        assertThat(contact(events, "C212")).containsExactly(tuple(LocalDate.of(2024, 2, 29), new EventData.CareLeaverContactRecorded(true, true, true)));
        // C213 (born 1 Jun 2004), not in touch on his 19th, 1 Jun 2023, activity and accommodation 0
        assertThat(contact(events, "C213")).containsExactly(tuple(LocalDate.of(2023, 6, 1), new EventData.CareLeaverContactRecorded(false, false, false)));
        // C214 (born 10 Oct 2002, "Yes" in another case) on her 21st, 10 Oct 2023: NEET (G5), B2 not suitable
        assertThat(contact(events, "C214")).containsExactly(tuple(LocalDate.of(2023, 10, 10), new EventData.CareLeaverContactRecorded(true, false, false)));
    }

    @Test
    void a29FebruaryBirthdayFallsOn1MarchInAYearWithout29February_andAFolderWithoutAYearTakesTheYearOfTheReturnsLatestDate(
            @TempDir Path returns) throws Exception {
        // Given a return in a folder named without a year, whose latest date is an episode of 10 Jan 2025 (so 2024-25)
        Path dir = Files.createDirectory(returns.resolve("lac-return"));
        Files.writeString(dir.resolve("episodes.csv"), "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nC220,10/01/2025,S,C2,U1,,\n");
        // and C218, born 29 Feb 2004, whose 21st birthday is in 2025, no leap year
        Files.writeString(dir.resolve("oc3.csv"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC218,29/02/2004,YES,P4,T1\n");
        Returns.Kept sent = new Returns.Kept();

        // When it is imported
        new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(dir, sent, false);

        // Then the contact is dated 1 Mar 2025 (not 28 Feb), in touch, in an apprenticeship (P4), suitably housed
        assertThat(contact(sent.takeAll(), "C218")).containsExactly(
                tuple(LocalDate.of(2025, 3, 1), new EventData.CareLeaverContactRecorded(true, true, true)));
    }

    @Test
    void aPlacementOrderIsTheEpisodeThatChangesThePeriodsLegalStatusToE1_notAFirstEpisodeHereAlreadyE1_andAd1sMatchIsAdoptionMatched()
            throws Exception {
        Returns.Kept sent = new Returns.Kept();
        new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), sent, false);
        List<CaseEvent> events = sent.takeAll();

        // C206: C2 from 5 Feb 2023, E1 from 1 Aug 2023 (a change of legal status only), placed for adoption 1 Oct 2023 (still E1)
        assertThat(dates(events, "C206", EventType.PlacementOrderGranted)).containsExactly(LocalDate.of(2023, 8, 1));
        // matched with adopters on 4 Sep 2023 (AD1 DATE_MATCH)
        assertThat(dates(events, "C206", EventType.AdoptionMatched)).containsExactly(LocalDate.of(2023, 9, 4));
        // C211's first episode here, 1 Mar 2023, continues a period already E1: its order's day is not in this return
        assertThat(dates(events, "C211", EventType.PlacementOrderGranted)).isEmpty();
    }

    @Test
    void a2_c206WasMatched34DaysAfterThePlacementOrder_1AugTo4Sep2023() throws Exception {
        // Given the return's events through the engine, as at Wed 10 Apr 2024
        Returns.Kept sent = new Returns.Kept();
        new Ssda903Feed(state, "ssda903", Returns.CLOCK).run(Returns.file("ssda903-2023-24"), sent, false);
        try (EngineHarness engine = Returns.engine("2024-04-10T11:00:00Z", sent.events)) {
            // Then A2 over the 36 months to March 2024 is one match, 1 Aug to 4 Sep 2023: 30 + 4 = 34 days
            assertThat(engine.deadLetters()).isEmpty();
            assertThat(engine.tally("A2", "LA", "2024-03")).containsExactly(34, 1);
            // and A1 one adoptive placement, 5 Feb to 1 Oct 2023: 23 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 1 = 238 days
            assertThat(engine.tally("A1", "LA", "2024-03")).containsExactly(238, 1);
        }
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

    private static List<org.assertj.core.groups.Tuple> contact(List<CaseEvent> events, String child) {
        return events.stream().filter(e -> e.type() == EventType.CareLeaverContactRecorded && e.subject().toString().equals("child/" + child))
                .map(e -> tuple(e.time().atZoneSameInstant(Fields.LONDON).toLocalDate(), e.data())).toList();
    }

    private static List<LocalDate> dates(List<CaseEvent> events, String child, EventType type) {
        return events.stream().filter(e -> e.type() == type && e.subject().toString().equals("child/" + child))
                .map(e -> e.time().atZoneSameInstant(Fields.LONDON).toLocalDate()).toList();
    }

    private static List<EventData> of(List<CaseEvent> events, String child, EventType type) {
        return events.stream().filter(e -> e.type() == type && e.subject().toString().equals("child/" + child)).map(CaseEvent::data).toList();
    }
}
