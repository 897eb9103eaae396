package org.caseclock.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caseclock.events.contract.ContractValidator.Verdict;

/**
 * The contract as properties over random events generated from the schemas ({@link RandomEvents}):
 * nothing well formed is refused, and anything broken in one field is refused naming that field.
 */
class ContractPropertiesTest {

    static final Instant RECEIVED = Instant.parse("2026-12-07T09:00:00Z");

    private final ContractValidator validator = new ContractValidator();

    @Provide
    Arbitrary<ObjectNode> wellFormed() {
        return RandomEvents.valid(RECEIVED);
    }

    @Provide
    Arbitrary<RandomEvents.Corrupted> brokenInOneField() {
        return RandomEvents.corrupted(RECEIVED);
    }

    @Property(tries = 1000)
    void every_well_formed_event_of_every_type_is_accepted(@ForAll("wellFormed") ObjectNode event) {
        // Given a random event of any type, its data present, null or absent as its schema allows
        // When it is validated on receipt
        Verdict verdict = validator.validate(event, RECEIVED);

        // Then it is accepted
        assertThat(verdict).as(event.toString()).isInstanceOf(Verdict.Accepted.class);
    }

    @Property(tries = 1000)
    void an_event_broken_in_one_field_is_rejected_with_a_message_naming_that_field(
            @ForAll("brokenInOneField") RandomEvents.Corrupted broken) {
        // Given a well-formed event with one field broken (wrong type, format, value, missing, too far ahead)
        // When it is validated
        Verdict verdict = validator.validate(broken.event(), RECEIVED);

        // Then it is rejected, and the message names the field
        assertThat(verdict).as(broken.toString()).isInstanceOfSatisfying(Verdict.Rejected.class,
                r -> assertThat(r.error()).as(broken.toString()).contains(broken.field()));
    }
}
