package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseclock.engine.store.JsonSerde;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.CaseEvent;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

/**
 * Working through a backlog takes other paths than live traffic: evaluations put off and done
 * once, contributions batched per code, month values published once a punctuation. None of that
 * may change a single figure.
 */
class BackfillEquivalenceTest {

    private static final String NOW = "2026-03-10T12:00:00Z";

    @Test
    void aSimulatedAuthorityGivesTheSameItemsAndMonthValuesWhetherFedLiveOrAsABacklog() throws Exception {
        // Given fourteen months of a small simulated authority (with late, out-of-order and duplicate events)
        List<CaseEvent> history = new Simulator(SimulatorConfig.defaults(7, Instant.parse(NOW)).withOpenCases(15))
                .history().toList();
        assertThat(history).hasSizeGreaterThan(1000);
        try (EngineHarness live = new EngineHarness(NOW); EngineHarness backlog = new EngineHarness(NOW)) {
            // When one engine gets each event as it is written, evaluating it at once
            for (CaseEvent e : history) {
                live.sendRaw(e.subject().toString(), JsonSerde.MAPPER.writeValueAsString(e));
            }
            // And the other gets them all as a backlog written an hour ago, then works through it
            Instant written = Instant.parse(NOW).minus(Duration.ofHours(1));
            for (CaseEvent e : history) {
                backlog.sendRawWrittenAt(e.subject().toString(), JsonSerde.MAPPER.writeValueAsString(e), written);
            }
            assertThat(backlog.allValues()).as("nothing is evaluated while the backlog comes in").isEmpty();
            for (int second = 0; second < 10; second++) {
                live.advance(Duration.ofSeconds(1));
                backlog.advance(Duration.ofSeconds(1));
            }
            // Then every item and every month value of every scope is the same
            assertThat(items(backlog)).isEqualTo(items(live)).isNotEmpty();
            assertThat(values(backlog)).isEqualTo(values(live)).hasSizeGreaterThan(100);
        }
    }

    /** Items without the instant they were published. */
    private static Map<String, String> items(EngineHarness engine) {
        Map<String, String> out = new TreeMap<>();
        engine.allItems().forEach((key, item) -> out.put(key, withoutUpdatedAt(item)));
        return out;
    }

    private static String withoutUpdatedAt(ComplianceItem i) {
        return String.join(",", i.status().name(), String.valueOf(i.team()), String.valueOf(i.worker()),
                String.valueOf(i.entryDate()), String.valueOf(i.lastActivity()), String.valueOf(i.due()),
                String.valueOf(i.deadline()), String.valueOf(i.refDate()), String.valueOf(i.period()));
    }

    /**
     * Non-zero month values as numerator/denominator (first reported) and the projection, without
     * the instant they were published.
     */
    private static Map<String, String> values(EngineHarness engine) {
        Map<String, String> out = new TreeMap<>();
        engine.allValues().forEach((key, v) -> {
            // A counter that went up and back down live may never be published from a backlog: 0/0 is absent.
            boolean zero = v.numerator() == 0 && v.denominator() == 0
                    && (v.firstReportedNumerator() == null || v.firstReportedNumerator() == 0)
                    && (v.firstReportedDenominator() == null || v.firstReportedDenominator() == 0)
                    && (v.projectedNumerator() == null || v.projectedNumerator() == 0)
                    && (v.projectedDenominator() == null || v.projectedDenominator() == 0);
            if (!zero) {
                out.put(key, v.numerator() + "/" + v.denominator() + " (" + v.firstReportedNumerator() + "/"
                        + v.firstReportedDenominator() + ") projected " + v.projectedNumerator() + "/"
                        + v.projectedDenominator());
            }
        });
        return out;
    }
}
