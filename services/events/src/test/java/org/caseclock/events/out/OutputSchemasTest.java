package org.caseclock.events.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import org.caseclock.events.EventJson;
import org.junit.jupiter.api.Test;

/** Every record of the output contract (events.out) as written is valid against its schema in schemas/out, and reads back equal. */
class OutputSchemasTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    private static JsonSchema schema(String name) throws Exception {
        String path = "schemas/out/" + name + ".schema.json";
        try (InputStream in = OutputSchemasTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            JsonNode document = JSON.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SchemaLocation.of("classpath:" + path),
                    document, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    @Test
    void anAlertDelivery_asTheAlertsServiceWritesIt_isValidAgainstItsSchema_andReadsBackEqual() throws Exception {
        // Given a webhook OPEN notice delivered on its second attempt, and a pending one never tried
        String alertId = "MC15|child/C1|2026-12";
        AlertDelivery delivered = new AlertDelivery(AlertDelivery.idOf(alertId, AlertDelivery.Notice.OPEN, "webhook"),
                "f94100de-5ed0-30fb-96b2-5740d5b8a07c", alertId, AlertDelivery.Notice.OPEN, "webhook",
                AlertDelivery.State.DELIVERED, 2, Instant.parse("2026-12-07T09:00:00Z"),
                Instant.parse("2026-12-07T09:00:30Z"), Instant.parse("2026-12-07T09:00:31Z"));
        AlertDelivery pending = new AlertDelivery(AlertDelivery.idOf(alertId, AlertDelivery.Notice.ESCALATION, "email"),
                "0b6c4a52-6d0a-3b0e-9a55-1b9a3e4f7c21", alertId, AlertDelivery.Notice.ESCALATION, "email",
                AlertDelivery.State.PENDING, 0, Instant.parse("2026-12-07T09:00:00Z"), null, null);
        JsonSchema schema = schema("AlertDelivery");

        for (AlertDelivery d : new AlertDelivery[] {delivered, pending}) {
            // When written as the topic carries it
            byte[] wire = JSON.writeValueAsBytes(d);

            // Then the schema accepts it, and it reads back as it was
            assertThat(schema.validate(JSON.readTree(wire))).as(d.id()).isEmpty();
            assertThat(JSON.readValue(wire, AlertDelivery.class)).isEqualTo(d);
        }
    }

    @Test
    void theSchemaRejects_aStateNotInTheEnum_aMissingAlertId_andAFieldNotInTheRecord() throws Exception {
        JsonSchema schema = schema("AlertDelivery");
        AlertDelivery d = new AlertDelivery("A|OPEN|log", "f94100de-5ed0-30fb-96b2-5740d5b8a07c", "A",
                AlertDelivery.Notice.OPEN, "log", AlertDelivery.State.PENDING, 0, Instant.parse("2026-12-07T09:00:00Z"), null, null);

        ObjectNode badState = (ObjectNode) JSON.valueToTree(d);
        badState.put("state", "SENT");
        ObjectNode noAlert = (ObjectNode) JSON.valueToTree(d);
        noAlert.remove("alertId");
        ObjectNode extra = (ObjectNode) JSON.valueToTree(d);
        extra.put("recipient", "someone@example.org");

        assertThat(messages(schema.validate(badState))).anyMatch(m -> m.contains("state"));
        assertThat(messages(schema.validate(noAlert))).anyMatch(m -> m.contains("alertId"));
        assertThat(messages(schema.validate(extra))).anyMatch(m -> m.contains("recipient"));
    }

    private static java.util.List<String> messages(Set<ValidationMessage> found) {
        return found.stream().map(ValidationMessage::getMessage).toList();
    }
}
