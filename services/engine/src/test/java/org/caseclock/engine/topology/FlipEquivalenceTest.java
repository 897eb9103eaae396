package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseclock.engine.store.JsonSerde;
import org.caseclock.events.CaseEvent;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

/**
 * Items going due soon and overdue with no new event are applied as flips (deltas to what was
 * published, the history unread). After weeks of them, through a month turn and the clocks going
 * forward, everything must be what evaluating the same history afresh at the end gives.
 */
class FlipEquivalenceTest {

    private static final String START = "2026-03-25T12:00:00Z";
    private static final String END = "2026-04-04T12:00:00Z";

    @Test
    void givenASimulatedAuthority_whenTenDaysPassWithNoEvent_thenItsItemsAndMonthValuesAreThoseOfAFreshEvaluationAtTheEnd()
            throws Exception {
        // Given fourteen months of a small simulated authority, evaluated on Wed 25 Mar 2026
        List<CaseEvent> history = new Simulator(SimulatorConfig.defaults(7, Instant.parse(START)).withOpenCases(10))
                .history().toList();
        try (EngineHarness running = new EngineHarness(START); EngineHarness fresh = new EngineHarness(END)) {
            for (CaseEvent e : history) {
                running.sendRaw(e.subject().toString(), JsonSerde.MAPPER.writeValueAsString(e));
            }
            Map<String, String> before = items(running);
            // When its wall clock runs on to Sat 4 Apr (1 April's month turn, BST from 29 March) twelve hours at a time
            while (Instant.parse(END).isAfter(running.wallClock())) {
                running.advance(Duration.ofHours(12));
            }
            // And another engine is given the same history on 4 Apr
            for (CaseEvent e : history) {
                fresh.sendRaw(e.subject().toString(), JsonSerde.MAPPER.writeValueAsString(e));
            }
            for (int second = 0; second < 3; second++) {
                running.advance(Duration.ofSeconds(1));
                fresh.advance(Duration.ofSeconds(1));
            }
            // Then items flipped on the way, and every item and month value is the same in both
            assertThat(items(running)).isNotEqualTo(before);
            assertThat(items(fresh)).isNotEmpty();
            assertThat(differences(items(running), items(fresh))).isEmpty();
            assertThat(values(fresh)).hasSizeGreaterThan(100);
            assertThat(differences(values(running), values(fresh))).isEmpty();
        }
    }

    /** Keys whose values differ, as "running | fresh". */
    private static Map<String, String> differences(Map<String, String> running, Map<String, String> fresh) {
        Map<String, String> out = new TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(running.keySet());
        keys.addAll(fresh.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(running.get(k), fresh.get(k))) {
                out.put(k, running.get(k) + " | " + fresh.get(k));
            }
        }
        return out;
    }

    private static Map<String, String> items(EngineHarness engine) {
        Map<String, String> out = new TreeMap<>();
        engine.allItems().forEach((key, i) -> out.put(key, String.join(",", i.status().name(), String.valueOf(i.team()),
                String.valueOf(i.worker()), String.valueOf(i.entryDate()), String.valueOf(i.lastActivity()),
                String.valueOf(i.due()), String.valueOf(i.deadline()), String.valueOf(i.refDate()), String.valueOf(i.period()))));
        return out;
    }

    /**
     * Retained month values with something in them (a counter gone up and back down may be absent
     * from one). The 25 months retained on 4 Apr 2026 start with April 2024; the running engine
     * published March 2024 before the month turned, and nothing takes a dropped month back.
     */
    private static Map<String, String> values(EngineHarness engine) {
        Map<String, String> out = new TreeMap<>();
        engine.allValues().forEach((key, v) -> {
            if (YearMonth.parse(key.substring(key.lastIndexOf('|') + 1)).isBefore(YearMonth.of(2024, 4))) {
                return;
            }
            String text = v.numerator() + "/" + v.denominator() + " (" + v.firstReportedNumerator() + "/"
                    + v.firstReportedDenominator() + ") projected " + v.projectedNumerator() + "/" + v.projectedDenominator();
            if (!text.equals("0/0 (null/null) projected 0/0") && !text.equals("0/0 (0/0) projected null/null")) {
                out.put(key, text);
            }
        });
        return out;
    }
}
