package org.caseclock.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

class MessagesTest {

    private static final Alert ALERT = new Alert("MC15|child/C7|2026-04", "MC15", "child/C7", "2026-04", "SWwF 3", "W1",
            Instant.parse("2026-04-09T23:00:01Z"), LocalDate.of(2026, 4, 9), null, Alert.State.OPEN, null);

    private static Messages messages(String dashboardUrl) {
        AlertsProperties p = new Binder(new MapConfigurationPropertySource(Map.of("caseclock.alerts.dashboard-url", dashboardUrl)))
                .bindOrCreate("caseclock.alerts", AlertsProperties.class);
        return new Messages(Catalogue.defaults(), p);
    }

    private static Delivery delivery(Alert alert) {
        return new Delivery(alert.id() + "|OPEN|webhook", "d-1", Notice.OPEN, "webhook", State.PENDING, 0,
                null, null, null, null, null, null, alert);
    }

    @Test
    void payloadCarriesOnlyThePseudonymousSubjectTeamWorkerIndicatorDatesStateAndDashboardLink() throws Exception {
        // Given an alert as the engine publishes it
        Message m = messages("https://caseclock.la.test/#/team/{team}").of(delivery(ALERT));

        // When it is the webhook's JSON
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode body = json.readTree(json.writeValueAsBytes(m));

        // Then these fields and no others, the alert's being those of the alerts topic's record (schemas/out/Alert);
        // the team in the link is encoded, the name from the catalogue
        assertThat(fieldsOf(body)).containsExactly("deliveryId", "notice", "alert", "indicator", "dashboardUrl");
        assertThat(fieldsOf(body.get("alert"))).containsExactly("id", "code", "subject", "itemId", "team", "worker",
                "raisedAt", "due", "deadline", "state", "resolvedAt");
        assertThat(body.get("indicator").asText()).isEqualTo("Repeat missing children with a missing strategy discussion");
        assertThat(body.get("dashboardUrl").asText()).isEqualTo("https://caseclock.la.test/#/team/SWwF+3");
        assertThat(body.get("alert").get("raisedAt").asText()).isEqualTo("2026-04-09T23:00:01Z");
        assertThat(body.get("alert").get("due").asText()).isEqualTo("2026-04-09");
    }

    private static List<String> fieldsOf(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    @Test
    void aCodeNoLongerInTheCatalogueIsNamedByItsCode() {
        Alert unknown = new Alert("X9|child/C7|X9", "X9", "child/C7", "X9", "T1", null, Instant.EPOCH, null, null,
                Alert.State.OPEN, null);
        assertThat(messages("http://h/{team}").of(delivery(unknown)).indicator()).isEqualTo("X9");
    }
}
