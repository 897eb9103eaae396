package org.caseclock.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.SimulatorConfig;
import org.caseclock.simulator.output.Ndjson;

/**
 * A simulated authority's history as NDJSON batches for {@code POST /api/events}, the same for
 * every run of a test. It ends on 1 Jun 2026, long before the tests run: every deadline in it has
 * passed, so an item's status does not change between two runs minutes apart, and no alert is
 * raised (all are beyond the alert horizon).
 */
final class AuthorityEvents {

    static final Instant HISTORY_END = Instant.parse("2026-06-01T00:00:00Z");
    private static final long SEED = 17;

    final List<String> batches;
    final int events;

    private AuthorityEvents(List<String> batches, int events) {
        this.batches = batches;
        this.events = events;
    }

    static AuthorityEvents of(int openCases, int batchSize) {
        List<CaseEvent> history = new Simulator(SimulatorConfig.defaults(SEED, HISTORY_END).withOpenCases(openCases))
                .history().toList();
        Ndjson ndjson = new Ndjson();
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < history.size(); from += batchSize) {
            batches.add(ndjson.lines(history.subList(from, Math.min(history.size(), from + batchSize))));
        }
        return new AuthorityEvents(List.copyOf(batches), history.size());
    }
}
