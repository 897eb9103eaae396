package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caseclock.events.contract.RandomEvents;

/**
 * Events produced straight to {@code case-events} (no ingest in front): whatever well-formed
 * events of the contract arrive, in whatever order and combination, the engine accepts and applies
 * every one and sends none to the DLQ. Generated from the schemas by {@link RandomEvents}, about
 * a few subjects so that histories build up and reach the rules.
 */
class RandomEventsInTheEngineTest {

    static final String NOW = "2026-12-07T09:00:00Z";

    @Provide
    Arbitrary<List<ObjectNode>> histories() {
        return RandomEvents.valid(Instant.parse(NOW)).list().ofMinSize(1).ofMaxSize(60)
                .flatMap(events -> Arbitraries.integers().between(1, 4).list().ofSize(events.size()).map(who -> {
                    for (int i = 0; i < events.size(); i++) {
                        ObjectNode e = events.get(i);
                        String kind = e.path("subject").asText().split("/")[0];
                        e.put("subject", kind + "/R" + who.get(i));
                        e.put("id", "r-" + i); // unique within the run: none is a duplicate
                    }
                    return events;
                }));
    }

    @Property(tries = 40)
    void every_well_formed_event_produced_straight_to_case_events_is_applied_and_none_is_dead_lettered(
            @ForAll("histories") List<ObjectNode> events) {
        try (EngineHarness engine = new EngineHarness(NOW)) {
            // Given random well-formed events about four children and four carers
            // When they are produced to case-events, and the engine's punctuation has run
            events.forEach(e -> engine.sendRaw(e.path("subject").asText(), e.toString()));
            engine.advance(Duration.ofSeconds(2));

            // Then none went to the DLQ, and every one is applied
            assertThat(engine.deadLetters()).as(events.toString()).isEmpty();
            assertThat(engine.applied()).as(events.toString()).isEqualTo(events.size());
        }
    }
}
