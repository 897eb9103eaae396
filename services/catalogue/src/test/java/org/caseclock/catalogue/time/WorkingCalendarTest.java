package org.caseclock.catalogue.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** England and Wales bank holidays by rule, with the listed exceptions, and "+N WD". */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @Test
    void theDateItselfIsDayZero_soChristmasEvePlusOneWorkingDayIsTheMonday() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 24), 1)).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void easter2026_goodFridayAndEasterMondayAreNotWorkingDays() {
        assertThat(calendar.isBankHoliday(LocalDate.of(2026, 4, 3))).isTrue();
        assertThat(calendar.isBankHoliday(LocalDate.of(2026, 4, 6))).isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void theStartDateNeedNotBeAWorkingDay() {
        // Sat 27 Dec 2025 + 1 WD = Mon 29 Dec
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 27), 1)).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void newYearAndChristmasOnAWeekendMoveToTheNextFreeWeekday() {
        // 2022: 1 Jan is a Saturday -> Mon 3 Jan; 25 Dec Sunday, 26 Dec Monday -> Mon 26 and Tue 27
        assertThat(WorkingCalendar.bankHolidays(2022)).contains(LocalDate.of(2022, 1, 3),
                LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
        // 2021: 25 Dec Saturday, 26 Dec Sunday -> Mon 27 and Tue 28
        assertThat(WorkingCalendar.bankHolidays(2021)).contains(LocalDate.of(2021, 12, 27), LocalDate.of(2021, 12, 28));
        // 2026: 25 Dec Friday, 26 Dec Saturday -> Fri 25 and Mon 28
        assertThat(WorkingCalendar.bankHolidays(2026)).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
    }

    @Test
    void mayAndAugustMondaysByRule() {
        assertThat(WorkingCalendar.bankHolidays(2026)).contains(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 8, 31));
        assertThat(WorkingCalendar.bankHolidays(2026)).hasSize(8);
    }

    @Test
    void theListedExceptionsOverrideTheRule() {
        assertThat(WorkingCalendar.bankHolidays(2020)).contains(LocalDate.of(2020, 5, 8)).doesNotContain(LocalDate.of(2020, 5, 4));
        assertThat(WorkingCalendar.bankHolidays(2022)).contains(LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3),
                LocalDate.of(2022, 9, 19)).doesNotContain(LocalDate.of(2022, 5, 30));
        assertThat(WorkingCalendar.bankHolidays(2023)).contains(LocalDate.of(2023, 5, 8));
    }

    @Test
    void easterSundayByTheGregorianComputus() {
        assertThat(WorkingCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(WorkingCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingCalendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void workingDaysAfterADateAreTheSameAsCountingDayByDay_2019To2031_withAnAddedDay() {
        WorkingCalendar local = new WorkingCalendar(List.of(LocalDate.of(2026, 1, 2)));
        for (LocalDate d = LocalDate.of(2019, 1, 1); d.isBefore(LocalDate.of(2032, 1, 1)); d = d.plusDays(1)) {
            for (int n = 0; n <= 30; n++) {
                LocalDate expected = d;
                for (int counted = 0; counted < n; ) {
                    expected = expected.plusDays(1);
                    if (local.isWorkingDay(expected)) {
                        counted++;
                    }
                }
                assertThat(local.plusWorkingDays(d, n)).as("%s + %d working days", d, n).isEqualTo(expected);
            }
        }
    }

    @Test
    void anAuthorityCanAddDays() {
        WorkingCalendar local = new WorkingCalendar(List.of(LocalDate.of(2026, 1, 2)));
        // Thu 1 Jan is a holiday, Fri 2 Jan added: 31 Dec 2025 + 1 WD = Mon 5 Jan
        assertThat(local.plusWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 2));
    }

    @Test
    void spansAddCalendarMonthsClampingAtMonthEnd() {
        assertThat(Span.parse("1M").addTo(LocalDate.of(2026, 1, 31), calendar)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Span.parse("28D").addTo(LocalDate.of(2026, 2, 1), calendar)).isEqualTo(LocalDate.of(2026, 3, 1));
    }
}
