package org.caseclock.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.events.contract.ContractValidator.Verdict;
import org.junit.jupiter.api.Test;

class ReserialisationTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-16T09:00:00Z");
    private final ContractValidator validator = new ContractValidator();

    @Test
    void an_accepted_event_written_back_with_the_event_mapper_is_valid_and_reads_as_the_same_event() throws Exception {
        // Given an accepted event, stamped with the receipt time
        CaseEvent accepted = ((Verdict.Accepted) validator.validate(Events.visit(), RECEIVED)).event();

        // When it is written as JSON the way ingest writes it to Kafka
        byte[] written = EventJson.mapper().writeValueAsBytes(accepted);

        // Then it meets the contract again and binds to an equal event, recordedat included
        Verdict again = validator.validate(written, RECEIVED.plusSeconds(3600));
        assertThat(again).isInstanceOfSatisfying(Verdict.Accepted.class, a -> assertThat(a.event()).isEqualTo(accepted));
        JsonNode tree = EventJson.mapper().readTree(written);
        assertThat(tree.path("recordedat").asText()).isEqualTo("2026-01-16T09:00:00Z");
    }
}
