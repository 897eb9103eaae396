package org.caseclock.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.caseclock.events.EventJson;
import org.caseclock.events.EventType;
import org.caseclock.events.SubjectKind;

/**
 * Random events of the contract, read from the published schemas themselves (so a field added to a
 * schema is generated without a change here): {@link #valid} ones, every one of which must be
 * accepted, and {@link #corrupted} ones, each broken in one field, which must be rejected with a
 * message naming that field. Shared with ingest's tests through the events test jar.
 */
public final class RandomEvents {

    private RandomEvents() {}

    /** Seconds always written (OffsetDateTime.toString leaves out :00), so "without its offset" is the first 19 characters. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** An event broken in one place, and the field its rejection must name. */
    public record Corrupted(ObjectNode event, String field, String how) {
        @Override
        public String toString() {
            return field + " " + how + ": " + event;
        }
    }

    /** One way to break an event, applied to a copy of it. */
    private record Breakage(String field, String how, Consumer<ObjectNode> apply) {
        Corrupted of(ObjectNode event) {
            ObjectNode copy = event.deepCopy();
            apply.accept(copy);
            return new Corrupted(copy, field, how);
        }
    }

    /** A well-formed event of any type, its time in the ten years before {@code receivedAt}. */
    public static Arbitrary<ObjectNode> valid(Instant receivedAt) {
        return Arbitraries.of(EventType.class).flatMap(type -> valid(type, receivedAt));
    }

    public static Arbitrary<ObjectNode> valid(EventType type, Instant receivedAt) {
        Arbitrary<String> subject = Arbitraries.of(SubjectKind.values())
                .filter(type::appliesTo)
                .flatMap(kind -> ids(64).map(id -> kind.name().toLowerCase() + "/" + id));
        Arbitrary<String> time = Combinators.combine(
                        Arbitraries.longs().between(Duration.ofHours(1).toSeconds(), Duration.ofDays(3650).toSeconds()),
                        Arbitraries.of(ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHoursMinutes(-5, -30)))
                .as((ago, offset) -> RFC_3339.format(receivedAt.minusSeconds(ago).atOffset(offset)));
        Arbitrary<String> recordedAt = Arbitraries.longs().between(0, Duration.ofDays(30).toSeconds())
                .map(ago -> RFC_3339.format(receivedAt.minusSeconds(ago).atOffset(ZoneOffset.UTC)))
                .injectNull(0.5);
        return Combinators.combine(Arbitraries.strings().alpha().numeric().withChars("-_:.").ofMinLength(1).ofMaxLength(40),
                        text(1, 30), subject, time, recordedAt, data(type))
                .as((id, source, subj, t, recorded, data) -> {
                    ObjectNode event = EventJson.mapper().createObjectNode();
                    event.put("specversion", "1.0");
                    event.put("id", id);
                    event.put("source", source);
                    event.put("type", type.name());
                    event.put("subject", subj);
                    event.put("time", t);
                    if (recorded != null) {
                        event.put("recordedat", recorded);
                    }
                    if (data != null) {
                        event.set("data", data);
                    }
                    return event;
                });
    }

    /** A valid event broken in one field of its envelope or its data. */
    public static Arbitrary<Corrupted> corrupted(Instant receivedAt) {
        return valid(receivedAt).flatMap(event -> Arbitraries.of(breakages(event, receivedAt))
                .map(b -> b.of(event)));
    }

    private static List<Breakage> breakages(ObjectNode event, Instant receivedAt) {
        EventType type = EventType.valueOf(event.path("type").asText());
        List<Breakage> all = new ArrayList<>(List.of(
                new Breakage("specversion", "not 1.0", e -> e.put("specversion", "0.3")),
                new Breakage("id", "missing", e -> remove(e, "id")),
                new Breakage("id", "empty", e -> e.put("id", "")),
                new Breakage("id", "a number", e -> e.put("id", 42)),
                new Breakage("source", "missing", e -> remove(e, "source")),
                new Breakage("type", "unknown", e -> e.put("type", "VisitPlanned")),
                new Breakage("subject", "missing", e -> remove(e, "subject")),
                new Breakage("subject", "not child/ or carer/", e -> e.put("subject", "person/" + e.path("subject").asText().split("/")[1])),
                new Breakage("subject", "id too long", e -> e.put("subject", e.path("subject").asText() + "x".repeat(65))),
                new Breakage("time", "missing", e -> remove(e, "time")),
                new Breakage("time", "a date only", e -> e.put("time", e.path("time").asText().substring(0, 10))),
                new Breakage("time", "without an offset", e -> e.put("time", e.path("time").asText().substring(0, 19))),
                new Breakage("time", "more than 24 hours ahead", e -> e.put("time", RFC_3339.format(receivedAt.plus(Duration.ofHours(25)).atOffset(ZoneOffset.UTC)))),
                new Breakage("recordedat", "not a date-time", e -> e.put("recordedat", "yesterday")),
                new Breakage("data", "an array", e -> e.set("data", EventJson.mapper().createArrayNode().add(1)))));
        JsonNode schema = dataSchema(type);
        Set<String> required = required(schema);
        schema.path("properties").properties().forEach(p -> {
            String field = p.getKey();
            String name = "data." + field;
            JsonNode property = p.getValue();
            if (required.contains(field)) {
                all.add(new Breakage(name, "missing", e -> remove((ObjectNode) e.get("data"), field)));
                all.add(new Breakage(name, "null", e -> ((ObjectNode) e.get("data")).putNull(field)));
            }
            all.add(new Breakage(name, "an object", e -> dataOf(e).putObject(field).put("x", 1)));
            if (property.has("enum")) {
                all.add(new Breakage(name, "not one of its values", e -> dataOf(e).put(field, "NOT_A_VALUE")));
            } else if (property.path("minLength").asInt(0) > 0) {
                all.add(new Breakage(name, "empty", e -> dataOf(e).put(field, "")));
            }
            if ("date".equals(property.path("format").asText())) {
                all.add(new Breakage(name, "not a date", e -> dataOf(e).put(field, "2026-02-30")));
            }
        });
        return all;
    }

    /** The event's data, made an object first if the event had none (a valid omission). */
    private static ObjectNode dataOf(ObjectNode event) {
        JsonNode data = event.get("data");
        return data instanceof ObjectNode o ? o : event.putObject("data");
    }

    private static void remove(ObjectNode node, String field) {
        node.remove(field);
    }

    /**
     * The data of {@code type}: every required field, each optional one present, null or absent;
     * null (no data at all) where the type requires nothing, as CloudEvents allows.
     */
    private static Arbitrary<ObjectNode> data(EventType type) {
        JsonNode schema = dataSchema(type);
        Set<String> required = required(schema);
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(schema.path("properties").properties());
        Arbitrary<ObjectNode> data = Arbitraries.create(() -> EventJson.mapper().createObjectNode());
        for (Map.Entry<String, JsonNode> p : properties) {
            String field = p.getKey();
            boolean isRequired = required.contains(field);
            Arbitrary<JsonNode> value = value(p.getValue());
            Arbitrary<JsonNode> maybe = isRequired ? value : Arbitraries.frequencyOf(
                    Tuple.of(3, value),
                    Tuple.of(1, Arbitraries.just(ABSENT)),
                    Tuple.of(nullable(p.getValue()) ? 1 : 0, Arbitraries.just(EventJson.mapper().nullNode())));
            data = Combinators.combine(data, maybe).as((d, v) -> {
                ObjectNode copy = d.deepCopy();
                if (v != ABSENT) {
                    copy.set(field, v);
                }
                return copy;
            });
        }
        return required.isEmpty() ? data.injectNull(0.3) : data;
    }

    private static final JsonNode ABSENT = EventJson.mapper().missingNode();

    private static Arbitrary<JsonNode> value(JsonNode property) {
        if (property.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            property.path("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        JsonNode type = property.path("type");
        boolean string = type.isTextual() ? "string".equals(type.asText()) : type.toString().contains("\"string\"");
        if ("date".equals(property.path("format").asText())) {
            return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2026, 12, 31).toEpochDay())
                    .map(day -> EventJson.mapper().getNodeFactory().textNode(LocalDate.ofEpochDay(day).toString()));
        }
        if (string) {
            return text(property.path("minLength").asInt(0), 40).map(s -> EventJson.mapper().getNodeFactory().textNode(s));
        }
        if (type.toString().contains("boolean")) {
            return Arbitraries.of(true, false).map(b -> EventJson.mapper().getNodeFactory().booleanNode(b));
        }
        throw new IllegalStateException("no generator for a property of type " + type + ": add one to RandomEvents");
    }

    private static boolean nullable(JsonNode property) {
        return property.path("type").toString().contains("\"null\"");
    }

    /** Free text: letters (accented too), digits, spaces and punctuation. */
    private static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings().alpha().numeric().withChars(" -'/.,éøß").ofMinLength(Math.max(min, 0)).ofMaxLength(max)
                .filter(s -> min == 0 || !s.isBlank());
    }

    private static Arbitrary<String> ids(int max) {
        return Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(max);
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private static JsonNode dataSchema(EventType type) {
        String path = ContractValidator.dataSchemaPath(type);
        try (InputStream in = RandomEvents.class.getClassLoader().getResourceAsStream(path)) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
