package org.caseclock.feeds.cin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.feeds.Returns;
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.RunReport.RowIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-made 2023-24 and 2024-25 censuses through the census importer. */
class CinCensusFeedTest {

    @TempDir
    Path state;

    @Test
    void aCensusBecomesTheEventsOfEveryReadableGroup_andEachBadGroupIsNamedByFileRowAndField() throws Exception {
        // Given the 2023-24 census
        Returns.Kept sent = new Returns.Kept();
        CinCensusFeed feed = new CinCensusFeed(state, "cin-census", Returns.CLOCK);

        // When it is imported
        RunReport report = feed.run(Returns.file("cin-census-2023-24.xml"), sent, false);
        List<CaseEvent> events = sent.takeAll();

        // Then every group that can be read is an event (worked from the file's comments), and nothing else
        assertThat(Returns.byType(events)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("ChildRegistered", 18), Map.entry("ReferralReceived", 21), Map.entry("CaseClosed", 4),
                Map.entry("AssessmentStarted", 13), Map.entry("AssessmentCompleted", 10),
                Map.entry("StrategyDiscussionHeld", 6), Map.entry("InitialConferenceHeld", 2),
                Map.entry("CinPlanStarted", 3), Map.entry("CinPlanEnded", 1),
                Map.entry("CpPlanStarted", 3), Map.entry("CpPlanEnded", 1), Map.entry("ReviewHeld", 3)));
        assertThat(report.extract()).isEqualTo("2024-03-31_cin-census-2023-24.xml");
        // and the bad groups are named by the file (the report's extract), the row (child, date or line) and the field
        assertThat(report.notConverted()).extracting(RowIssue::table, RowIssue::row, RowIssue::reason).containsExactlyInAnyOrder(
                tuple("ChildIdentifiers", "C111 (line 109)", "PersonBirthDate is blank, and there is no ExpectedPersonBirthDate"),
                tuple("ChildIdentifiers", "line 174", "LAchildID is blank: none of this child's groups is read"),
                tuple("Assessments", "C112/line 119", "AssessmentActualStartDate is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)"),
                tuple("Assessments", "C116/2023-09-05 (line 162)", "a second Assessments group of this child with this date; the first is used"));
        assertThat(report.notes()).containsExactly(new RowIssue("ChildIdentifiers", "C117", "LAchildID 'c117' read as C117"));
        // the unborn child has no ChildRegistered, but its referral went in
        assertThat(events).filteredOn(e -> e.subject().toString().equals("child/C110")).extracting(CaseEvent::type)
                .containsExactly(EventType.ReferralReceived, EventType.AssessmentStarted, EventType.AssessmentCompleted);
        // the conference that started a plan the same day has CP_PLAN as its outcome
        assertThat(events).filteredOn(e -> e.type() == EventType.InitialConferenceHeld && e.subject().toString().equals("child/C108"))
                .extracting(CaseEvent::data).containsExactly(new EventData.InitialConferenceHeld("C108-ICPC-20240220", "C108-S47-20240201",
                        EventData.ConferenceOutcome.CP_PLAN));
        // the other year's layout (namespace, CINplanDates, plan under the child) is read as the same groups
        assertThat(events).filteredOn(e -> e.subject().toString().equals("child/C115")).extracting(CaseEvent::type)
                .containsExactly(EventType.ChildRegistered, EventType.ReferralReceived, EventType.CinPlanStarted, EventType.CpPlanStarted);
        assertThat(events).allSatisfy(e -> assertThat(e.id()).startsWith("cin-census-"));
    }

    @Test
    void reRunningTheSameCensusSendsNothingNew() throws Exception {
        // Given the 2023-24 census imported
        Returns.Kept sent = new Returns.Kept();
        CinCensusFeed feed = new CinCensusFeed(state, "cin-census", Returns.CLOCK);
        RunReport first = feed.run(Returns.file("cin-census-2023-24.xml"), sent, false);
        sent.takeAll();

        // When the same file is imported again, by a new importer on the same state (as after a restart)
        RunReport again = new CinCensusFeed(state, "cin-census", Returns.CLOCK).run(Returns.file("cin-census-2023-24.xml"), sent, false);

        // Then nothing is sent, and every event it stands for is counted unchanged
        assertThat(sent.takeAll()).isEmpty();
        assertThat(again.sentTotal()).isZero();
        assertThat(again.unchanged()).isEqualTo(first.sentTotal());
    }

    @Test
    void theNextYearsCensusSendsOnlyWhatItAdds_theSameReferralInTwoCensusesIsOneRecord_andTheOlderIsNotLoadedAfterIt() throws Exception {
        // Given the 2023-24 census imported
        Returns.Kept sent = new Returns.Kept();
        CinCensusFeed feed = new CinCensusFeed(state, "cin-census", Returns.CLOCK);
        List<CaseEvent> first = send(feed, "cin-census-2023-24.xml", sent);

        // When the 2024-25 census, which has C101's and C103's referrals and assessments again, is imported
        RunReport next = feed.run(Returns.file("cin-census-2024-25.xml"), sent, false);
        List<CaseEvent> second = sent.takeAll();

        // Then only what 2024-25 adds is sent: the two authorisations, C101's closure and the new child C121
        assertThat(Returns.byType(second)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AssessmentCompleted", 2, "CaseClosed", 1, "ChildRegistered", 1, "ReferralReceived", 1, "AssessmentStarted", 1));
        assertThat(next.retractions()).isZero();
        // and C101's completion names the assessment the first census started
        String started = first.stream().filter(e -> e.type() == EventType.AssessmentStarted && e.subject().toString().equals("child/C101"))
                .map(e -> ((EventData.AssessmentStarted) e.data()).assessmentId()).findFirst().orElseThrow();
        assertThat(second).filteredOn(e -> e.type() == EventType.AssessmentCompleted && e.subject().toString().equals("child/C101"))
                .extracting(e -> ((EventData.AssessmentCompleted) e.data()).assessmentId()).containsExactly(started);

        // When the older census is imported after it
        RunReport older = feed.run(Returns.file("cin-census-2023-24.xml"), sent, false);

        // Then nothing is sent (it would retract the newer census's news), and the report says why
        assertThat(sent.takeAll()).isEmpty();
        assertThat(older.tablesKept()).singleElement().extracting(RunReport.TableIssue::reason).asString()
                .contains("2025-03-31 is loaded already");
    }

    private static List<CaseEvent> send(CinCensusFeed feed, String file, Returns.Kept sent) throws Exception {
        feed.run(Returns.file(file), sent, false);
        return sent.takeAll();
    }
}
