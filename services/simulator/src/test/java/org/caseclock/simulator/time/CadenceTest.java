package org.caseclock.simulator.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.junit.jupiter.api.Test;

class CadenceTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @Test
    void theFirstIntervalRunsFromEntryAndLaterOnesFromTheLatestActivityUsingTheLastForEverAfter() {
        // Given CLA11's cadence [20WD, 3M, 6M]
        Cadence reviews = Cadence.of("20WD", "3M", "6M");
        LocalDate entry = LocalDate.of(2025, 12, 1);
        LocalDate latest = LocalDate.of(2026, 1, 31);

        // When / Then
        // Christmas Day and Boxing Day are not working days
        assertThat(reviews.due(entry, null, 0, calendar)).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(reviews.due(entry, latest, 1, calendar)).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(reviews.due(entry, latest, 2, calendar)).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(reviews.due(entry, latest, 7, calendar)).isEqualTo(LocalDate.of(2026, 7, 31));
    }

    @Test
    void monthsClampToTheEndOfAShorterMonth() {
        assertThat(Cadence.of("1M").due(LocalDate.of(2026, 1, 31), null, 0, calendar)).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
