package org.caseclock.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EngineMetrics metrics = new EngineMetrics(registry);

    @Test
    void punctuationMetersExistBeforeTheFirstPunctuation() {
        assertThat(registry.get("caseclock.engine.punctuation").timer().count()).isZero();
        assertThat(registry.get("caseclock.engine.punctuation.subjects").counter().count()).isZero();
    }

    @Test
    void punctuationsAreTimedAndTheirSubjectsCounted() {
        metrics.punctuated(Duration.ofMillis(40), 3);
        metrics.punctuated(Duration.ofMillis(10), 0);

        assertThat(registry.get("caseclock.engine.punctuation").timer().count()).isEqualTo(2);
        assertThat(registry.get("caseclock.engine.punctuation").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
        assertThat(registry.get("caseclock.engine.punctuation.subjects").counter().count()).isEqualTo(3);
    }

    @Test
    void overdueFlipsAreCountedByCode() {
        metrics.turnedOverdue("CIN4");
        metrics.turnedOverdue("CIN4");
        metrics.turnedOverdue("MC15");

        assertThat(registry.get("caseclock.engine.items.overdue.flips").tag("code", "CIN4").counter().count()).isEqualTo(2);
        assertThat(registry.get("caseclock.engine.items.overdue.flips").tag("code", "MC15").counter().count()).isEqualTo(1);
    }
}
