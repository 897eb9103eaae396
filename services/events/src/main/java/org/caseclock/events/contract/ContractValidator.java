package org.caseclock.events.contract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.events.EventType;

/**
 * Decides whether an incoming event meets the v1.1 contract, using the published JSON Schemas under
 * {@code schemas/} on the classpath, so that what we enforce is exactly what we publish.
 *
 * <p>The envelope is checked first, then {@code data} against its type's schema. The one rule a
 * schema cannot express, that {@code time} is at most 24 hours after receipt, is checked here.
 * Thread-safe once constructed.
 */
public final class ContractValidator {

    static final String ENVELOPE_SCHEMA = "schemas/cloudevent.schema.json";
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);

    private static final String CUSTOM_MESSAGE_KEYWORD = "errorMessage";

    private final ObjectMapper mapper = EventJson.mapper();
    private final ObjectMapper strictReader =
            EventJson.mapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final LoadedSchema envelope;
    private final Map<EventType, LoadedSchema> dataSchemas = new EnumMap<>(EventType.class);

    public ContractValidator() {
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                // Our schemas carry their own wording in errorMessage; it is no rule, only text.
                .keyword(new NonValidationKeyword(CUSTOM_MESSAGE_KEYWORD))
                .build();
        JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.metaSchema(metaSchema));
        // 2020-12 treats format as an annotation unless told otherwise; a date must really be a date.
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        envelope = load(factory, config, ENVELOPE_SCHEMA);
        for (EventType type : EventType.values()) {
            dataSchemas.put(type, load(factory, config, dataSchemaPath(type)));
        }
    }

    static String dataSchemaPath(EventType type) {
        return "schemas/events/" + type.name() + ".schema.json";
    }

    public Verdict validate(byte[] json, Instant receivedAt) {
        JsonNode event;
        try {
            event = strictReader.readTree(json);
        } catch (JacksonException e) {
            return new Verdict.Rejected(null, "not valid JSON: " + e.getOriginalMessage(), RejectionReason.NOT_JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event == null || event.isMissingNode()) {
            return new Verdict.Rejected(null, "not valid JSON: no content", RejectionReason.NOT_JSON);
        }
        return validate(event, receivedAt);
    }

    public Verdict validate(JsonNode event, Instant receivedAt) {
        String id = event.path("id").isTextual() ? event.path("id").asText() : null;

        List<Violation> violations = envelope.check(event, "");
        if (!violations.isEmpty()) {
            return rejected(id, violations);
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(event.path("time").asText());
        } catch (DateTimeParseException e) {
            // RFC 3339 allows what java.time cannot hold, such as a leap second.
            return new Verdict.Rejected(id, "time cannot be read as a date-time: " + e.getMessage(), RejectionReason.BAD_DATE);
        }
        if (time.toInstant().isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
            return new Verdict.Rejected(id, "time is more than 24 hours in the future", RejectionReason.FUTURE_TIME);
        }
        EventType type = EventType.valueOf(event.path("type").asText());
        event = withDataRead(event);
        violations = dataSchemas.get(type).check(event.get("data"), "data");
        if (!violations.isEmpty()) {
            return rejected(id, violations);
        }
        try {
            CaseEvent bound = mapper.treeToValue(event, CaseEvent.class);
            return new Verdict.Accepted(bound.stampedAt(receivedAt.atOffset(ZoneOffset.UTC)));
        } catch (JsonMappingException e) {
            // What the schemas let through but the model refuses: a subject with a trailing newline
            // (a pattern's "$" matches before one in Java and most engines), or a leap second.
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            String why = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage() : e.getOriginalMessage();
            return new Verdict.Rejected(id, (field.isEmpty() ? "event" : field) + " cannot be read: " + why,
                    RejectionReason.BAD_VALUE);
        } catch (JacksonException e) {
            return new Verdict.Rejected(id, "event cannot be read: " + e.getOriginalMessage(), RejectionReason.BAD_VALUE);
        }
    }

    /**
     * CloudEvents 1.0 makes {@code data} optional; the contract reads an absent (or null) one as
     * {@code {}}, so the type's own schema still rejects it when it has a required field, naming it.
     */
    private static JsonNode withDataRead(JsonNode event) {
        JsonNode data = event.get("data");
        if (data != null && !data.isNull()) {
            return event;
        }
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        copy.putObject("data");
        return copy;
    }

    /** One message per field, the first the schema reports; fields in the order they were found. */
    private static Verdict.Rejected rejected(String id, List<Violation> violations) {
        Map<String, Violation> byField = new LinkedHashMap<>();
        violations.forEach(v -> byField.putIfAbsent(v.field(), v));
        String error = byField.values().stream().map(Violation::message).collect(Collectors.joining("; "));
        return new Verdict.Rejected(id, error, violations.get(0).reason());
    }

    private static LoadedSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String path) {
        ClassLoader loader = ContractValidator.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("contract schema missing from the classpath: " + path);
            }
            JsonNode document = EventJson.mapper().readTree(in);
            JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + path), document, config);
            // Build every validator now: afterwards validation only reads, so it is safe across threads.
            schema.initializeValidators();
            return new LoadedSchema(schema, document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract schema " + path, e);
        }
    }

    private record LoadedSchema(JsonSchema schema, JsonNode document) {
        List<Violation> check(JsonNode instance, String prefix) {
            Collection<ValidationMessage> errors = schema.validate(instance);
            List<Violation> violations = new ArrayList<>(errors.size());
            errors.forEach(error -> violations.add(Violation.of(error, prefix, document)));
            return violations;
        }
    }

    /** The outcome for one event: accepted and bound, or rejected with a message naming the field. */
    public sealed interface Verdict {

        /** {@code event.recordedat} is the sender's, or the receipt time when the sender left it out. */
        record Accepted(CaseEvent event) implements Verdict {}

        /**
         * @param id the event's {@code id} when it had a readable one, else null
         * @param error one message naming each failing field, e.g. {@code data.visitId is required}
         * @param reason a bounded category, for metrics and headers
         */
        record Rejected(String id, String error, RejectionReason reason) implements Verdict {

            public Rejected(String id, String error) {
                this(id, error, RejectionReason.OTHER);
            }
        }
    }
}
