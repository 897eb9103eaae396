package org.caseclock.events.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.caseclock.events.EventJson;

/**
 * The output contract's schemas ({@code schemas/out}) for tests: so a test of whatever writes a topic (the engine's
 * harness, the alerts service) can check every record it sees against the schema of its record.
 */
public final class OutputSchemas {

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OutputSchemas() {
    }

    /** The schema of an output record, by its name ({@code ComplianceItem}, {@code Alert}, ...). */
    public static JsonNode document(String name) {
        String path = "schemas/out/" + name + ".schema.json";
        try (InputStream in = OutputSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + path + " on the classpath");
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonSchema of(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of("classpath:schemas/out/" + n + ".schema.json"), document(n),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** What is wrong with a record's JSON against the schema of {@code type}; empty when nothing. */
    public static Set<ValidationMessage> validate(Class<? extends Record> type, JsonNode json) {
        return of(type.getSimpleName()).validate(json);
    }

    /** The record read from its JSON, after checking it against its schema. @throws AssertionError naming what is wrong */
    public static <T extends Record> T read(Class<T> type, byte[] json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            Set<ValidationMessage> wrong = validate(type, node);
            if (!wrong.isEmpty()) {
                throw new AssertionError(type.getSimpleName() + " not valid against its schema: " + wrong + " in " + node);
            }
            return EventJson.mapper().treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
