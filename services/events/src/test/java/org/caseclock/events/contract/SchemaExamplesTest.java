package org.caseclock.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caseclock.events.EventType;
import org.caseclock.events.SubjectKind;
import org.caseclock.events.contract.ContractValidator.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every type's published examples pass, and every type has a way to fail. */
class SchemaExamplesTest {

    private static final Instant RECEIVED = Instant.parse("2026-02-01T00:00:00Z");
    private final ContractValidator validator = new ContractValidator();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_example_in_a_types_schema_is_accepted_on_every_subject_kind_the_type_allows(EventType type) {
        // Given the examples published in the type's schema
        JsonNode examples = Events.dataSchema(type).path("examples");
        assertThat(examples.size()).as("examples of %s", type).isPositive();

        for (SubjectKind kind : SubjectKind.values()) {
            if (!type.appliesTo(kind)) {
                continue;
            }
            for (JsonNode example : examples) {
                // When each is sent in a valid envelope
                Verdict verdict = validator.validate(Events.event(type.name(), kind.prefix() + "/X1", example), RECEIVED);

                // Then it is accepted and bound to the type's record
                assertThat(verdict).as("%s on %s: %s", type, kind, example).isInstanceOf(Verdict.Accepted.class);
                assertThat(((Verdict.Accepted) verdict).event().data().getClass().getSimpleName())
                        .isEqualTo(type.name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_type_rejects_an_event_missing_a_required_field_or_about_the_wrong_subject(EventType type) {
        // Given a valid example of the type, broken in the way the type's contract allows
        JsonNode schema = Events.dataSchema(type);
        ObjectNode data = (ObjectNode) schema.path("examples").get(0).deepCopy();
        JsonNode required = schema.path("required");
        String subject = type.appliesTo(SubjectKind.CHILD) ? "child/X1" : "carer/X1";
        String expected;
        if (!required.isEmpty()) {
            data.remove(required.get(0).asText());
            expected = "data." + required.get(0).asText() + " is required";
        } else {
            subject = type.appliesTo(SubjectKind.CHILD) ? "carer/X1" : "child/X1";
            expected = "subject must match child/{id} or carer/{id} (a ";
        }

        // When it is validated
        Verdict verdict = validator.validate(Events.event(type.name(), subject, data), RECEIVED);

        // Then it is rejected with a message naming the field
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class,
                r -> assertThat(r.error()).startsWith(expected));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_type_rejects_data_that_is_neither_an_object_nor_null(EventType type) {
        String subject = type.appliesTo(SubjectKind.CHILD) ? "child/X1" : "carer/X1";
        ObjectNode event = Events.event(type.name(), subject, Events.visit().path("data"));
        event.putArray("data").add("V1");

        Verdict verdict = validator.validate(event, RECEIVED);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class,
                r -> assertThat(r.error()).isEqualTo("data must be an object or null"));
    }

    @Test
    void every_example_of_the_envelope_schema_is_accepted() {
        JsonNode examples = Events.schema(ContractValidator.ENVELOPE_SCHEMA).path("examples");
        assertThat(examples.size()).isPositive();

        for (JsonNode example : examples) {
            assertThat(validator.validate(example, RECEIVED)).as("%s", example).isInstanceOf(Verdict.Accepted.class);
        }
    }

    @Test
    void the_envelope_schema_lists_exactly_the_event_types_java_knows() {
        List<String> inSchema = new ArrayList<>();
        Events.schema(ContractValidator.ENVELOPE_SCHEMA).path("properties").path("type").path("enum")
                .forEach(t -> inSchema.add(t.asText()));

        assertThat(inSchema).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(Enum::name).toList());
    }
}
