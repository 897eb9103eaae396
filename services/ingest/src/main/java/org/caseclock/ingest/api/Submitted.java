package org.caseclock.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.caseclock.events.contract.ContractValidator;
import org.caseclock.events.contract.ContractValidator.Verdict;

/** One event as it arrived in a request body: already parsed, or text still to parse. */
sealed interface Submitted {

    Verdict check(ContractValidator validator, Instant receivedAt);

    record Parsed(JsonNode json) implements Submitted {
        @Override
        public Verdict check(ContractValidator validator, Instant receivedAt) {
            return validator.validate(json, receivedAt);
        }
    }

    record Text(byte[] bytes) implements Submitted {
        @Override
        public Verdict check(ContractValidator validator, Instant receivedAt) {
            return validator.validate(bytes, receivedAt);
        }
    }
}
