package org.caseclock.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AlertsPropertiesTest {

    private static AlertsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("caseclock.alerts", AlertsProperties.class);
    }

    @Test
    void teamRouting_aListedTeamUsesItsOwnAddresses_othersAndMissingOnesFallBackOnTheDefaults() {
        // Given one team with both addresses, one with a manager only, and defaults
        AlertsProperties p = bind(Map.of(
                "caseclock.alerts.defaults.manager", "duty@la.test",
                "caseclock.alerts.defaults.escalation", "head@la.test",
                "caseclock.alerts.teams.SWwF-3.manager", "swwf3@la.test",
                "caseclock.alerts.teams.SWwF-3.escalation", "fam@la.test",
                "caseclock.alerts.teams.CLA1.manager", "cla1@la.test",
                "caseclock.alerts.teams[Team/With.Dots].manager", "dots@la.test"));

        // Then each address comes from the most specific place that has it
        assertThat(p.managerOf("SWwF-3")).isEqualTo("swwf3@la.test");
        assertThat(p.escalationOf("SWwF-3")).isEqualTo("fam@la.test");
        assertThat(p.managerOf("CLA1")).isEqualTo("cla1@la.test");
        assertThat(p.escalationOf("CLA1")).isEqualTo("head@la.test");
        assertThat(p.managerOf("Team/With.Dots")).isEqualTo("dots@la.test");
        assertThat(p.managerOf("UNALLOCATED")).isEqualTo("duty@la.test");
        assertThat(p.escalationOf("UNALLOCATED")).isEqualTo("head@la.test");
    }

    @Test
    void backOff_byDefaultStartsAtOneSecondAndDoublesUpToFiveMinutes_thenStaysThere() {
        // Given nothing configured
        AlertsProperties.Delivery delivery = bind(Map.of()).delivery();

        // Then the waits after 1, 2, ... failed attempts are 1 s, 2 s, 4 s ... capped at 5 min for ever
        assertThat(IntStream.rangeClosed(1, 11).mapToObj(delivery::backoffAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
        assertThat(delivery.backoffAfter(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void defaults_escalateAfterTwoDays_noWebhookWithoutAUrl() {
        AlertsProperties p = bind(Map.of());
        assertThat(p.escalateAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(p.webhook().enabled()).isFalse();
        assertThat(p.dashboardUrl()).isEqualTo("http://localhost:8080/#/team/{team}");
    }
}
