package org.caseclock.feeds.cin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.events.out.Status;
import org.caseclock.engine.topology.EngineHarness;
import org.caseclock.events.CaseEvent;
import org.caseclock.feeds.Returns;
import org.caseclock.feeds.cin.CensusDateCheck.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DfE's 8670Q and 8675Q at the census date, Sunday 31 March 2024, worked by hand. Good Friday 29 March
 * and Easter Monday 1 April are bank holidays; the DfE's validator first moves a census date that is no
 * working day to the next one, Tuesday 2 April, and counts back from there.
 */
class CensusDateCheckTest {

    private static final LocalDate CENSUS_DATE = LocalDate.of(2024, 3, 31);
    private final CensusDateCheck check = new CensusDateCheck(WorkingCalendar.englandAndWales());

    @TempDir
    Path state;

    @Test
    void rule8670Q_anOpenAssessmentStartedBeforeTheCensusDateMinus45WorkingDaysIsOver_countedAcrossEaster() throws Exception {
        // Given the 2023-24 census. Tue 2 Apr back 44 working days (the start is day 1 of 45), skipping
        // 1 Apr and 29 Mar, is Mon 29 Jan: a start before it is over.
        assertThat(check.dfeMinusWorkingDays(CENSUS_DATE, 45)).isEqualTo(LocalDate.of(2024, 1, 29));

        // When the census date is checked
        CensusDateCheck.Result result = check.check(Returns.file("cin-census-2023-24.xml"), null);

        // Then the open assessments: C103 (Thu 25 Jan) and C101 (Fri 26 Jan) over, C102 (Mon 29 Jan, on the limit) not
        assertThat(result.at()).isEqualTo(CENSUS_DATE);
        assertThat(result.open()).filteredOn(f -> f.rule().equals("8670Q"))
                .extracting(Finding::child, Finding::started, Finding::overDfe, Finding::ourDue, Finding::overdueOurWay)
                .containsExactlyInAnyOrder(
                        tuple("C101", LocalDate.of(2024, 1, 26), true, LocalDate.of(2024, 4, 2), false),
                        tuple("C102", LocalDate.of(2024, 1, 29), false, LocalDate.of(2024, 4, 3), false),
                        tuple("C103", LocalDate.of(2024, 1, 25), true, LocalDate.of(2024, 3, 28), true));
    }

    @Test
    void rule8675Q_anS47WithoutAnIcpcStartedBeforeTheCensusDateMinus15WorkingDaysIsOver_unlessTheIcpcWasNotRequired() throws Exception {
        // Given the 2023-24 census. Tue 2 Apr back 14 working days, skipping Easter, is Mon 11 Mar.
        assertThat(check.dfeMinusWorkingDays(CENSUS_DATE, 15)).isEqualTo(LocalDate.of(2024, 3, 11));

        // When the census date is checked
        CensusDateCheck.Result result = check.check(Returns.file("cin-census-2023-24.xml"), null);

        // Then C107 (Fri 1 Mar) and C105 (Fri 8 Mar) are over, C106 (Mon 11 Mar) is not; C109's ICPC was
        // not required and C108's and C114's were held, so they are not open
        assertThat(result.open()).filteredOn(f -> f.rule().equals("8675Q"))
                .extracting(Finding::child, Finding::started, Finding::overDfe, Finding::ourDue, Finding::overdueOurWay)
                .containsExactlyInAnyOrder(
                        tuple("C105", LocalDate.of(2024, 3, 8), true, LocalDate.of(2024, 4, 2), false),
                        tuple("C106", LocalDate.of(2024, 3, 11), false, LocalDate.of(2024, 4, 3), false),
                        tuple("C107", LocalDate.of(2024, 3, 1), true, LocalDate.of(2024, 3, 22), true));
        // and what could not be checked is told: C112's assessment's bad date, the child without an id
        assertThat(result.problems()).containsExactly(
                "line 119: AssessmentActualStartDate is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)",
                "line 174: a child without LAchildID is not checked");
    }

    @Test
    void rule8670Q_agreesWithTheEnginesAmt2OverdueList_butForTheStartOneWorkingDayLater_whichTheDfeCountsAsDayOne() throws Exception {
        // Given the census's events through the real engine, as at the end of the census date (23:59 BST)
        Returns.Kept sent = new Returns.Kept();
        new CinCensusFeed(state, "cin-census", Returns.CLOCK).run(Returns.file("cin-census-2023-24.xml"), sent, false);
        Set<String> overdue;
        try (EngineHarness engine = Returns.engine("2024-03-31T22:59:00Z", sent.events)) {
            assertThat(engine.deadLetters()).isEmpty();
            overdue = engine.allItems().values().stream()
                    .filter(i -> i.code().equals("AMT2") && i.status() == Status.OVERDUE)
                    .map(i -> i.subject().substring("child/".length())).collect(Collectors.toSet());
        }

        // When the census date is checked
        List<Finding> dfe = check.check(Returns.file("cin-census-2023-24.xml"), null).overDfe().stream()
                .filter(f -> f.rule().equals("8670Q")).toList();

        // Then the engine's overdue list is the DfE's list without C101, whose 45th working day counted from
        // day 0 (ours) is Tue 2 Apr, after the census date, and counted from day 1 (DfE's) is before it
        assertThat(overdue).containsExactly("C103");
        assertThat(dfe).extracting(Finding::child).containsExactlyInAnyOrder("C101", "C103");
        assertThat(dfe).filteredOn(Finding::overdueOurWay).extracting(Finding::child).containsExactlyElementsOf(overdue);
    }
}
