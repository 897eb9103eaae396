package org.caseclock.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.caseclock.alerts.config.AlertsProperties;
import org.caseclock.events.out.Alert;
import org.caseclock.alerts.store.Delivery;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.caseclock.events.out.AlertDelivery.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LogChannelTest {

    private static final Messages MESSAGES = new Messages(Catalogue.defaults(),
            new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("caseclock.alerts", AlertsProperties.class));

    private static Message message(Alert alert, Notice notice) {
        return MESSAGES.of(new Delivery(alert.id() + "|" + notice + "|log", "5f0c6f0e-delivery", notice, "log",
                State.PENDING, 0, null, null, null, null, null, null, alert));
    }

    @Test
    void aRaisedAlertIsOneLineNamingIndicatorTeamDueAndDelivery_neverTheSubjectOrItem() {
        // Given an MC6 alert of a child's missing episode
        Alert alert = new Alert("MC6|child/C4242|EP-77", "MC6", "child/C4242", "EP-77", "FAM-1", "W9",
                Instant.parse("2026-10-08T09:00:01Z"), null, Instant.parse("2026-10-08T09:00:00Z"), Alert.State.OPEN, null);

        // When the log channel writes it
        String line = LogChannel.line(message(alert, Notice.OPEN));

        // Then it says what and where, and nothing of the child
        assertThat(line).isEqualTo("Alert raised, overdue: MC6 Return home interviews within 72 hours, team FAM-1, "
                + "deadline 2026-10-08T09:00:00Z (delivery 5f0c6f0e-delivery): http://localhost:8080/#/team/FAM-1");
        assertThat(line).doesNotContain("C4242", "EP-77", "W9");
        assertThat(new LogChannel().send(message(alert, Notice.OPEN))).isEqualTo(LogChannel.RECIPIENT);
    }

    @Test
    void aResolvedAlertSaysSo() {
        Alert alert = new Alert("MC15|child/C7|2026-10", "MC15", "child/C7", "2026-10", "ADOL-1", null,
                Instant.parse("2026-10-12T23:00:01Z"), LocalDate.of(2026, 10, 12), null, Alert.State.RESOLVED,
                Instant.parse("2026-10-13T10:00:00Z"));
        assertThat(LogChannel.line(message(alert, Notice.RESOLVED)))
                .startsWith("Alert resolved: MC15 Repeat missing children with a missing strategy discussion, team ADOL-1, "
                        + "due 2026-10-12 (delivery ")
                .doesNotContain("child/C7");
    }
}
