package org.caseclock.query.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Meters of the consuming side. Tagged by topic only: nothing child-level. */
@Component
public class QueryMetrics {

    private final MeterRegistry registry;
    private final Clock clock;

    QueryMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void applied(String topic, int records) {
        Counter.builder("caseclock.query.records.applied")
                .description("records written to MongoDB")
                .tag("topic", topic)
                .register(registry)
                .increment(records);
    }

    void skipped(String topic) {
        Counter.builder("caseclock.query.records.skipped")
                .description("records that could not be read and were left out")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    /** From the engine's updatedAt to now, just after the MongoDB write: how stale an answer can be. */
    void freshness(String topic, Instant updatedAt) {
        if (updatedAt == null) {
            return;
        }
        Duration age = Duration.between(updatedAt, clock.instant());
        Timer.builder("caseclock.query.freshness")
                .description("engine updatedAt to written to MongoDB")
                .tag("topic", topic)
                .publishPercentileHistogram()
                .register(registry)
                .record(age.isNegative() ? Duration.ZERO : age);
    }
}
