package org.caseclock.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.junit.jupiter.api.Test;

class ContractTest {

    @Test
    void everyEventMeetsTheContractAndRoundTripsThroughEventJson() {
        // Given a small authority, history and a week live
        Simulator simulator = new Simulator(Runs.small(11));

        // When all its events are sent
        List<CaseEvent> events = new java.util.ArrayList<>(simulator.history().toList());
        events.addAll(simulator.liveUntil(Runs.NOW.plus(Duration.ofDays(7))).toList());

        // Then each passes the contract validator and reads back equal
        assertThat(events).hasSizeGreaterThan(1000);
        events.forEach(Contract::assertValidAndRoundTrips);
    }

    @Test
    void theEnvelopeIsCloudEventsWithLondonOffsetsAndTheSimulatorAsSource() {
        // Given / When a small history
        List<CaseEvent> events = Runs.history(Runs.small(12));

        // Then every envelope is CloudEvents 1.0 JSON from sim/riverside, in London's offset of the day
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.specversion()).isEqualTo("1.0");
            assertThat(event.datacontenttype()).isEqualTo("application/json");
            assertThat(event.source()).isEqualTo("sim/riverside");
            assertThat(event.id()).matches("[A-Za-z0-9_-]{1,64}");
            assertThat(event.type().appliesTo(event.subject().kind())).isTrue();
            assertThat(event.time().getOffset()).isEqualTo(london.getRules().getOffset(event.timeInstant()));
            assertThat(event.recordedat().getOffset()).isEqualTo(london.getRules().getOffset(event.recordedInstant()));
        });
        assertThat(events).extracting(event -> event.time().getOffset().getTotalSeconds()).contains(0, 3600);
    }
}
