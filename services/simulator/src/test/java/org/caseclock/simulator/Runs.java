package org.caseclock.simulator;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.caseclock.events.CaseEvent;

/** Simulator settings and helpers shared by the tests: small authorities that run in well under a second. */
final class Runs {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private Runs() {}

    static SimulatorConfig small(long seed) {
        return SimulatorConfig.defaults(seed, NOW).withOpenCases(250).withHistory(Period.ofMonths(6));
    }

    static List<CaseEvent> history(SimulatorConfig config) {
        return new Simulator(config).history().toList();
    }
}
