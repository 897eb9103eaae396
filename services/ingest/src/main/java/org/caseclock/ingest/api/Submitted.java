package org.caseclock.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.caseclock.events.contract.ContractValidator;
import org.caseclock.events.contract.ContractValidator.Verdict;

/** One event as it arrived in a request body: already parsed, or text still to parse. */
sealed interface Submitted {

    Verdict check(ContractValidator validator, Instant receivedAt);

    /** The event as sent, for the dead-letter topic when it is rejected. */
    byte[] bytes();

    record Parsed(JsonNode json) implements Submitted {
        @Override
        public Verdict check(ContractValidator validator, Instant receivedAt) {
            return validator.validate(json, receivedAt);
        }

        @Override
        public byte[] bytes() {
            return json.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    record Text(byte[] bytes) implements Submitted {
        @Override
        public Verdict check(ContractValidator validator, Instant receivedAt) {
            return validator.validate(bytes, receivedAt);
        }
    }
}
