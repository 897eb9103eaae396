package org.caseclock.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.caseclock.events.EventJson;
import org.caseclock.events.EventType;
import org.caseclock.events.SubjectKind;

/** Test events built from the published schemas' own examples. */
final class Events {

    private Events() {}

    static JsonNode schema(String path) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream(path)) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dataSchema(EventType type) {
        return schema(ContractValidator.dataSchemaPath(type));
    }

    /** A valid envelope around {@code data}, the kind of subject given by {@code prefix}. */
    static ObjectNode event(String type, String subject, JsonNode data) {
        ObjectNode event = EventJson.mapper().createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", "evt-" + type);
        event.put("source", "lcs/test");
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", "2026-01-15T10:30:00Z");
        event.set("data", data.deepCopy());
        return event;
    }

    /** A subject the type may be about: a child where it allows one, else a carer. */
    static String subjectFor(EventType type) {
        return type.appliesTo(SubjectKind.CHILD) ? "child/X1" : "carer/X1";
    }

    /** A valid VisitRecorded for a child, the starting point for most single-rule tests. */
    static ObjectNode visit() {
        ObjectNode data = EventJson.mapper().createObjectNode().put("visitId", "V99812").put("childSeen", true);
        return event("VisitRecorded", "child/C104233", data);
    }
}
