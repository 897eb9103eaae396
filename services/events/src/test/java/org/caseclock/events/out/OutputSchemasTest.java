package org.caseclock.events.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseclock.events.EventJson;
import org.junit.jupiter.api.Test;

/** Every record of the output contract (events.out) as written is valid against its schema in schemas/out, and reads back equal. */
class OutputSchemasTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    private static JsonNode schemaDocument(String name) {
        return OutputSchemas.document(name);
    }

    private static JsonSchema schema(String name) {
        return OutputSchemas.of(name);
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

    /** Each output record and its schema, as the topics carry them (Topics names the topic of each). */
    private static final Map<Class<? extends Record>, String> CONTRACT = Map.of(
            ComplianceItem.class, "ComplianceItem",
            IndicatorValue.class, "IndicatorValue",
            Alert.class, "Alert",
            Progress.class, "Progress",
            AlertDelivery.class, "AlertDelivery");

    @Test
    void everyOutputRecord_hasExactlyItsSchemasProperties_soAFieldAddedToOneAndNotTheOtherFails() throws Exception {
        for (Map.Entry<Class<? extends Record>, String> e : CONTRACT.entrySet()) {
            JsonNode schema = schemaDocument(e.getValue());
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            List<String> components = Arrays.stream(e.getKey().getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(properties).as(e.getValue()).containsExactlyElementsOf(components);
        }
    }

    @Test
    void theItemSchemasStatuses_areTheStatusEnum() throws Exception {
        List<String> listed = new ArrayList<>();
        schemaDocument("ComplianceItem").at("/properties/status/enum").forEach(n -> listed.add(n.asText()));
        assertThat(listed).containsExactlyElementsOf(Arrays.stream(Status.values()).map(Status::name).toList());
    }

    @Test
    void anItem_ofEachShape_asTheEngineWritesIt_isValidAgainstItsSchema_andReadsBackEqual() throws Exception {
        // Given a RECURRING CIN visit overdue since 27 Jan 2026 (no month), a MILESTONE ICPC with its deadline,
        // and an AVERAGE adoption item with its days
        ComplianceItem visit = new ComplianceItem("child/C104233", "CIN4", "CIN4", Status.OVERDUE, "SWwF-3", "FAM", "W17",
                LocalDate.parse("2025-11-02"), LocalDate.parse("2025-12-30"), LocalDate.parse("2026-01-27"), null, null, null,
                null, Instant.parse("2026-02-03T08:00:00Z"));
        ComplianceItem icpc = new ComplianceItem("child/C7", "CP2", "S-1", Status.PENDING, "UNALLOCATED", "UNASSIGNED", null,
                LocalDate.parse("2026-12-01"), null, LocalDate.parse("2026-12-22"), Instant.parse("2026-12-22T23:59:59.999Z"),
                null, YearMonth.parse("2026-12"), null, Instant.parse("2026-12-07T09:00:00Z"));
        ComplianceItem adoption = new ComplianceItem("child/C9", "A1", "P-1", Status.COUNTED, "ADP-1", "ADP", "W2",
                LocalDate.parse("2024-01-15"), null, null, null, LocalDate.parse("2025-08-11"), YearMonth.parse("2025-08"), 574L,
                Instant.parse("2025-08-11T10:00:00Z"));

        for (ComplianceItem item : List.of(visit, icpc, adoption)) {
            assertRoundTrip("ComplianceItem", item, ComplianceItem.class);
        }
        // days is absent, not null, for kinds that have none
        assertThat(JSON.readTree(JSON.writeValueAsBytes(visit)).has("days")).isFalse();
    }

    @Test
    void aMonthValue_anAlert_andProgress_asTheEngineWritesThem_areValidAgainstTheirSchemas_andReadBackEqual() throws Exception {
        assertRoundTrip("IndicatorValue", new IndicatorValue("CIN4", "team/SWwF-3", "2026-11", 41, 46, 40L, 46L, null, null,
                Instant.parse("2026-12-01T00:00:01Z")), IndicatorValue.class);
        assertRoundTrip("IndicatorValue", new IndicatorValue("CIN4", "LA", "2026-12", 580, 673, null, null, 91L, 673L,
                Instant.parse("2026-12-07T09:00:00Z")), IndicatorValue.class);
        Alert open = new Alert(Alert.idOf("MC6", "child/C1", "E-1"), "MC6", "child/C1", "E-1", "FAM-1", "W3",
                Instant.parse("2026-12-03T00:00:00Z"), LocalDate.parse("2026-12-02"), null, Alert.State.OPEN, null);
        assertRoundTrip("Alert", open, Alert.class);
        assertRoundTrip("Alert", open.resolved(Instant.parse("2026-12-04T10:00:00Z")), Alert.class);
        assertRoundTrip("Progress", new Progress(320165, 320165, 12, 3, 27000, 0, 0), Progress.class);
    }

    @Test
    void theSchemasReject_anUnknownStatus_aScopeNotInTheFormat_anAlertWithoutItsId_andANegativeCount() throws Exception {
        ObjectNode item = (ObjectNode) JSON.valueToTree(new ComplianceItem("child/C1", "CIN4", "CIN4", Status.IN_TIME, "T1",
                "FAM", null, null, null, LocalDate.parse("2026-12-20"), null, null, null, null, Instant.parse("2026-12-07T09:00:00Z")));
        item.put("status", "LATE_ISH");
        ObjectNode value = (ObjectNode) JSON.valueToTree(new IndicatorValue("CIN4", "LA", "2026-12", 1, 2, null, null, null, null,
                Instant.parse("2026-12-07T09:00:00Z")));
        value.put("scope", "teams/T1");
        ObjectNode alert = (ObjectNode) JSON.valueToTree(new Alert("MC6|child/C1|E-1", "MC6", "child/C1", "E-1", "T1", null,
                Instant.parse("2026-12-03T00:00:00Z"), null, null, Alert.State.OPEN, null));
        alert.remove("id");
        ObjectNode progress = (ObjectNode) JSON.valueToTree(Progress.ZERO);
        progress.put("applied", -1);

        assertThat(messages(schema("ComplianceItem").validate(item))).anyMatch(m -> m.contains("status"));
        assertThat(messages(schema("IndicatorValue").validate(value))).anyMatch(m -> m.contains("scope"));
        assertThat(messages(schema("Alert").validate(alert))).anyMatch(m -> m.contains("id"));
        assertThat(messages(schema("Progress").validate(progress))).anyMatch(m -> m.contains("applied"));
        // and the record itself refuses an alert with no id, so nothing is half-delivered
        assertThatThrownBy(() -> JSON.treeToValue(alert, Alert.class)).hasMessageContaining("id");
    }

    @Test
    void aScope_readsBackFromWhatItWrites_andAnythingElseIsRefusedNamingTheFormat() {
        // A team's id is the case system's: any text, spaces and quotes too
        for (Scope s : List.of(Scope.LA, Scope.team("SWwF-3"), Scope.service("FAM"), Scope.team("Leeds East 2"), Scope.team("'"))) {
            assertThat(Scope.parse(s.toString())).isEqualTo(s);
        }
        assertThatThrownBy(() -> Scope.parse("teams/T1")).hasMessage("scope must be " + Scope.FORMAT);
        assertThatThrownBy(() -> Scope.parse("team/")).hasMessage("scope must be " + Scope.FORMAT);
    }

    private static <T> void assertRoundTrip(String schemaName, T record, Class<T> type) throws Exception {
        // When written as the topic carries it
        byte[] wire = JSON.writeValueAsBytes(record);
        // Then the schema accepts it, and it reads back as it was
        assertThat(schema(schemaName).validate(JSON.readTree(wire))).as(record.toString()).isEmpty();
        assertThat(JSON.readValue(wire, type)).isEqualTo(record);
    }

    private static List<String> messages(Set<ValidationMessage> found) {
        return found.stream().map(ValidationMessage::getMessage).toList();
    }
}
