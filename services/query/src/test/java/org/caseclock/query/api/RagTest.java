package org.caseclock.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseclock.catalogue.Catalogue;
import org.junit.jupiter.api.Test;

/** RAG on the boundaries, where decimal targets and tolerances meet binary doubles. */
class RagTest {

    private static final Catalogue CATALOGUE = Catalogue.defaults();

    private static Rag rag(String code, Double value) {
        return Rag.of(CATALOGUE.get(code), value);
    }

    @Test
    void higher_is_better_green_from_the_target_amber_down_to_ten_points_below_red_under_that() {
        // AMT2 target 85%
        assertThat(rag("AMT2", 0.85)).isEqualTo(Rag.GREEN);
        assertThat(rag("AMT2", 0.849)).isEqualTo(Rag.AMBER);
        assertThat(rag("AMT2", 0.75)).isEqualTo(Rag.AMBER);
        assertThat(rag("AMT2", 0.7499)).isEqualTo(Rag.RED);
    }

    @Test
    void lower_is_better_green_up_to_the_target_amber_up_to_ten_points_above_red_over_that() {
        // FD8 target 22%, lower
        assertThat(rag("FD8", 0.15)).isEqualTo(Rag.GREEN);
        assertThat(rag("FD8", 0.22)).isEqualTo(Rag.GREEN);
        assertThat(rag("FD8", 0.32)).isEqualTo(Rag.AMBER);
        assertThat(rag("FD8", 0.3201)).isEqualTo(Rag.RED);
    }

    @Test
    void a_numeric_target_has_ten_percent_of_itself_as_tolerance_and_a_zero_target_none() {
        // W1 target 17 cases per worker, lower: tolerance 1.7
        assertThat(rag("W1", 17.0)).isEqualTo(Rag.GREEN);
        assertThat(rag("W1", 18.7)).isEqualTo(Rag.AMBER);
        assertThat(rag("W1", 18.71)).isEqualTo(Rag.RED);
        // W2 target 0, lower: any unallocated case is RED
        assertThat(rag("W2", 0.0)).isEqualTo(Rag.GREEN);
        assertThat(rag("W2", 1.0)).isEqualTo(Rag.RED);
    }

    @Test
    void no_target_or_no_value_is_grey() {
        assertThat(rag("FD7", 0.5)).isEqualTo(Rag.GREY);
        assertThat(rag("CIN4", null)).isEqualTo(Rag.GREY);
    }

    @Test
    void rag_is_withheld_below_the_minimum_denominator_for_percentages_only() {
        // Given a minimum denominator of 5
        // When CIN4 is 1 of 2, 4 of 4, or 4 of 5; W1 is 90 cases over 2 workers; AMT2 has 0 of 0
        // Then 2 and 4 are too few, 5 is enough; W1 (an average) and an empty month are never "too few"
        assertThat(Rag.tooFew(CATALOGUE.get("CIN4"), 2L, 5)).isTrue();
        assertThat(Rag.tooFew(CATALOGUE.get("CIN4"), 4L, 5)).isTrue();
        assertThat(Rag.tooFew(CATALOGUE.get("CIN4"), 5L, 5)).isFalse();
        assertThat(Rag.of(CATALOGUE.get("CIN4"), 0.5, 2L, 5)).isEqualTo(Rag.GREY);
        assertThat(Rag.of(CATALOGUE.get("CIN4"), 0.8, 5L, 5)).isEqualTo(Rag.RED);
        assertThat(Rag.tooFew(CATALOGUE.get("W1"), 2L, 5)).isFalse();
        assertThat(Rag.tooFew(CATALOGUE.get("AMT2"), 0L, 5)).isFalse();
        // A minimum of 1 withholds nothing
        assertThat(Rag.tooFew(CATALOGUE.get("CIN4"), 1L, 1)).isFalse();
    }
}
