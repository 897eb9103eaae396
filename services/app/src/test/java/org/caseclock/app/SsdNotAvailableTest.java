package org.caseclock.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The app tells the query side which indicators an SSD extract cannot feed, from the feeds module's one list. */
class SsdNotAvailableTest {

    private static MockEnvironment processed(MockEnvironment environment) {
        new SsdNotAvailable().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void the_sample_ssd_feed_marks_the_codes_of_ssd_not_computable_csv_not_available_from_an_ssd_extract() {
        // Given --caseclock.feeds.sample=true
        MockEnvironment env = processed(new MockEnvironment().withProperty("caseclock.feeds.sample", "true"));
        // Then the codes are the CSV's (FD1 first: no ContactDecided; MC6: no interview date) and the reason is said plainly
        String codes = env.getProperty("caseclock.query.not-available.codes");
        assertThat(codes).startsWith("FD1,").contains(",MC6");
        assertThat(env.getProperty("caseclock.query.not-available.reason")).isEqualTo("not available from an SSD extract");
    }

    @Test
    void data_loaded_only_from_the_cin_census_marks_the_codes_of_cin_census_not_computable_csv() {
        // Given --caseclock.feeds.loaded-only-from=cin-census
        MockEnvironment env = processed(new MockEnvironment().withProperty("caseclock.feeds.loaded-only-from", "cin-census"));
        // Then the census's list (no visits: CIN4; no contacts: FD1) with its own reason
        assertThat(env.getProperty("caseclock.query.not-available.codes").split(",")).contains("FD1", "CIN4", "EH1").doesNotContain("AMT2");
        assertThat(env.getProperty("caseclock.query.not-available.reason")).isEqualTo("not available from the CIN census");
    }

    @Test
    void the_simulator_or_an_explicit_list_is_left_alone() {
        // Given no sample feed; or the sample with codes set by hand
        MockEnvironment simulator = processed(new MockEnvironment());
        MockEnvironment explicit = processed(new MockEnvironment().withProperty("caseclock.feeds.sample", "true")
                .withProperty("caseclock.query.not-available.codes", "QA1"));
        // Then nothing is marked, or only what was set
        assertThat(simulator.getProperty("caseclock.query.not-available.codes")).isNull();
        assertThat(explicit.getProperty("caseclock.query.not-available.codes")).isEqualTo("QA1");
    }
}
