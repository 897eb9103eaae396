package org.caseclock.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.events.contract.ContractValidator;

/** Asserts an event is what EVENTS.md allows, judged by the published schemas, and reads back as itself. */
final class Contract {

    private static final ContractValidator VALIDATOR = new ContractValidator();
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private Contract() {}

    static void assertValidAndRoundTrips(CaseEvent event) {
        String json;
        try {
            json = MAPPER.writeValueAsString(event);
            assertThat(MAPPER.readValue(json, CaseEvent.class)).as(json).isEqualTo(event);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot write or read " + event, e);
        }
        // Received the moment it was recorded: the earliest it can be sent, the strictest for the 24-hour rule.
        ContractValidator.Verdict verdict = VALIDATOR.validate(json.getBytes(StandardCharsets.UTF_8), event.recordedInstant());
        assertThat(verdict).as(json).isInstanceOf(ContractValidator.Verdict.Accepted.class);
    }
}
