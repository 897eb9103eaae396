package org.caseclock.feeds.annexa;

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

/** The hand-made Annex A workbook (returns/annex-a-2025.xlsx, made by services/feeds/fixtures/MakeAnnexA.java). */
class AnnexAFeedTest {

    @TempDir
    Path state;

    @Test
    void aWorkbookBecomesTheEventsOfEveryReadableRow_headersFoundByTheirWords_andEachBadRowNamedByListRowAndColumn() throws Exception {
        // Given the workbook, whose headers are analysts' spellings ("CHILD ID", "Referral Date", "ChildUniqueID")
        Returns.Kept sent = new Returns.Kept();

        // When it is imported
        RunReport report = new AnnexAFeed(state, "annex-a", Returns.CLOCK).run(Returns.file("annex-a-2025.xlsx"), sent, false);
        List<CaseEvent> events = sent.takeAll();

        // Then every readable row is its events, one latest date of each kind a row
        assertThat(Returns.byType(events)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("ContactReceived", 3), Map.entry("ReferralReceived", 2), Map.entry("AssessmentStarted", 2),
                Map.entry("AssessmentCompleted", 1), Map.entry("StrategyDiscussionHeld", 1), Map.entry("InitialConferenceHeld", 1),
                Map.entry("VisitRecorded", 2), Map.entry("CpPlanStarted", 2), Map.entry("CpPlanEnded", 1),
                Map.entry("BecameLookedAfter", 2), Map.entry("CeasedLookedAfter", 1),
                Map.entry("ReviewHeld", 1), Map.entry("HealthAssessmentCompleted", 1), Map.entry("DentalCheckCompleted", 1),
                Map.entry("PlanUpdated", 1), Map.entry("PlacementOrderGranted", 2), Map.entry("AdoptionMatched", 2),
                Map.entry("PlacementStarted", 1)));
        // and each bad row is named by its list, its spreadsheet row and its column as the file heads it
        assertThat(report.notConverted()).extracting(RowIssue::table, RowIssue::row, RowIssue::reason).containsExactlyInAnyOrder(
                tuple("List 1", "row 6", "Date of Contact is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)"),
                tuple("List 8", "row 5", "Date started to be looked after is blank"),
                tuple("List 10", "C310/2023-09-01 (row 5)",
                        "Date of matching child and prospective adopters is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)"));
        // the sheets not read say why
        assertThat(report.tablesKept()).extracting(RunReport.TableIssue::table)
                .containsExactlyInAnyOrder("Cover", "List 2 - Early Help");
        assertThat(report.tablesKept()).filteredOn(t -> t.table().startsWith("List 2")).extracting(RunReport.TableIssue::reason)
                .singleElement().asString().startsWith("early help assessments");
        // C301's assessment: authorised, seen, no social care support needed (NFA)
        assertThat(events).filteredOn(e -> e.type() == EventType.AssessmentCompleted).extracting(CaseEvent::data)
                .containsExactly(new EventData.AssessmentCompleted("C301-ASMT-20250109", EventData.AssessmentOutcome.NFA, true));
        // C302's contact date typed as text is read as the date
        assertThat(events).filteredOn(e -> e.subject().toString().equals("child/C302")).extracting(e -> e.time().toLocalDate())
                .containsExactly(LocalDate.of(2025, 1, 7));
    }

    @Test
    void anActivityTwoListsHold_isOneEvent_list6sCinStartIsList3sReferral() throws Exception {
        Returns.Kept sent = new Returns.Kept();
        new AnnexAFeed(state, "annex-a", Returns.CLOCK).run(Returns.file("annex-a-2025.xlsx"), sent, false);

        assertThat(sent.events).filteredOn(e -> e.subject().toString().equals("child/C304") && e.type() == EventType.ReferralReceived)
                .extracting(CaseEvent::data).containsExactly(new EventData.ReferralReceived("C304-REF-20250110"));
    }

    @Test
    void reRunningTheSameWorkbookSendsNothingNew() throws Exception {
        Returns.Kept sent = new Returns.Kept();
        RunReport first = new AnnexAFeed(state, "annex-a", Returns.CLOCK).run(Returns.file("annex-a-2025.xlsx"), sent, false);
        sent.takeAll();

        RunReport again = new AnnexAFeed(state, "annex-a", Returns.CLOCK).run(Returns.file("annex-a-2025.xlsx"), sent, false);

        assertThat(sent.takeAll()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(first.sentTotal());
    }

    @Test
    void list10sPlacementOrderAndMatchAreTheirEvents_theDecisionToPlaceIsNone_andA2IsTheDaysBetween() throws Exception {
        // Given the workbook: C306 in care from 2 Dec 2024 (list 8), decision 15 Jan 2025, order 20 Mar, matched 10 Apr
        Returns.Kept sent = new Returns.Kept();
        new AnnexAFeed(state, "annex-a", Returns.CLOCK).run(Returns.file("annex-a-2025.xlsx"), sent, false);
        assertThat(sent.events).filteredOn(e -> e.subject().toString().equals("child/C306"))
                .filteredOn(e -> e.type() == EventType.PlacementOrderGranted || e.type() == EventType.AdoptionMatched)
                .extracting(CaseEvent::type, e -> e.time().toLocalDate())
                .containsExactly(tuple(EventType.PlacementOrderGranted, LocalDate.of(2025, 3, 20)),
                        tuple(EventType.AdoptionMatched, LocalDate.of(2025, 4, 10)));
        // C311's decision, reversed on 3 Feb 2025, with no order: nothing
        assertThat(sent.events).filteredOn(e -> e.subject().toString().equals("child/C311")).isEmpty();
        try (EngineHarness engine = Returns.engine("2025-04-19T11:00:00Z", sent.events)) {
            // Then A2 in April 2025 is one match, 20 Mar to 10 Apr: 11 + 10 = 21 days
            assertThat(engine.deadLetters()).isEmpty();
            assertThat(engine.tally("A2", "LA", "2025-04")).containsExactly(21, 1);
        }
    }

    @Test
    void cp13_aPlanFromMonday7April2025WithNoVisitIsDue10WorkingDaysOn_skippingGoodFridayAndEasterMonday() throws Exception {
        Returns.Kept sent = new Returns.Kept();
        new AnnexAFeed(state, "annex-a", Returns.CLOCK).run(Returns.file("annex-a-2025.xlsx"), sent, false);
        try (EngineHarness engine = Returns.engine("2025-04-19T11:00:00Z", sent.events)) {
            // 8-11 Apr (4), 14-17 (8), not 18 or 21 (Good Friday, Easter Monday), 22 (9), 23 (10)
            assertThat(engine.deadLetters()).isEmpty();
            assertThat(engine.item("child/C305", "CP13").due()).isEqualTo(LocalDate.of(2025, 4, 23));
        }
    }
}
