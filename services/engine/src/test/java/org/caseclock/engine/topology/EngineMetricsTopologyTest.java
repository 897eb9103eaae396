package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.caseclock.engine.config.EngineMetrics;
import org.caseclock.events.out.Status;
import org.junit.jupiter.api.Test;

/** The subject processor reports its punctuations and the items that turn OVERDUE. */
class EngineMetricsTopologyTest {

    private static final String CHILD = "child/C1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void anItemTheClockTurnsOverdueIsOneFlip_foundByATimedPunctuation() {
        // A CIN plan from Mon 1 Dec 2025 with no visit: CIN4 due Mon 29 Dec, overdue from the 30th
        try (EngineHarness engine = new EngineHarness("2025-12-29T12:00:00Z", new EngineMetrics(registry))) {
            engine.send(CHILD, "CaseAllocated", "2025-12-01T09:00:00Z", "team", "T1", "worker", "W1");
            engine.send(CHILD, "CinPlanStarted", "2025-12-01T10:00:00Z", "planId", "P1");
            engine.advanceTo("2025-12-29T18:00:00Z");
            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.DUE_SOON);
            assertThat(flips("CIN4")).isZero();
            double subjectsBefore = registry.get("caseclock.engine.punctuation.subjects").counter().count();

            engine.advanceTo("2025-12-30T00:00:01Z");

            assertThat(engine.item(CHILD, "CIN4").status()).isEqualTo(Status.OVERDUE);
            assertThat(flips("CIN4")).isEqualTo(1);
            // Applied as a flip by the punctuation: the subject is not re-evaluated.
            assertThat(registry.get("caseclock.engine.punctuation.subjects").counter().count()).isEqualTo(subjectsBefore);
            assertThat(registry.get("caseclock.engine.punctuation").timer().count()).isPositive();

            // Staying overdue is not another flip.
            engine.advanceTo("2026-01-05T00:00:01Z");
            assertThat(flips("CIN4")).isEqualTo(1);
        }
    }

    private double flips(String code) {
        Counter flips = registry.find("caseclock.engine.items.overdue.flips").tag("code", code).counter();
        return flips == null ? 0 : flips.count();
    }
}
