package org.caseclock.catalogue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseclock.events.EventType;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md is written by hand, so it is held to the types the code accepts: ContractValidator
 * loads one schema per {@link EventType}, so the enum is the list of implemented types.
 */
class EventsDocTest {

    private static final String NOT_IMPLEMENTED = "## Not implemented yet";

    @Test
    void everyImplementedTypeIsDocumentedWithALinkToItsSchema() throws IOException {
        // Given the reference page
        String doc = read();

        // When each type the validator accepts is looked up, Then it links its schema file
        for (EventType type : EventType.values()) {
            String link = "[`" + type + "`](../schemas/events/" + type + ".schema.json)";
            assertThat(doc).as("docs/events.md should document %s as %s", type, link).contains(link);
            assertThat(Files.exists(IndicatorsDoc.repositoryRoot().resolve("schemas/events/" + type + ".schema.json")))
                    .as("schemas/events/%s.schema.json", type).isTrue();
        }
    }

    @Test
    void noImplementedTypeIsListedAsNotImplemented() throws IOException {
        // Given the page's "not implemented yet" section
        String doc = read();
        String notImplemented = doc.substring(doc.indexOf(NOT_IMPLEMENTED));

        // When a type the validator accepts is looked for there, Then it is not found
        for (EventType type : EventType.values()) {
            assertThat(notImplemented).as("%s is implemented: move it out of \"%s\" in docs/events.md", type,
                    NOT_IMPLEMENTED).doesNotContain("`" + type + "`");
        }
    }

    private static String read() throws IOException {
        Path doc = IndicatorsDoc.repositoryRoot().resolve("docs/events.md");
        return Files.readString(doc, StandardCharsets.UTF_8);
    }
}
