package org.caseclock.engine.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The engine's own meters, beside the Kafka Streams metrics bound in {@link EngineConfig}: how long
 * each punctuation of the due index takes and how many subjects it re-evaluates, and how many
 * items turn OVERDUE. Tagged by indicator code at most: nothing child- or worker-level. Registered
 * at start-up, so they read zero (not absent) until the first punctuation.
 */
@Component
public class EngineMetrics {

    /** For topologies built without Spring (tests, benchmarks): counts into a registry nobody reads. */
    public static final EngineMetrics NONE = new EngineMetrics(new SimpleMeterRegistry());

    private final MeterRegistry registry;
    private final Timer punctuation;
    private final Counter subjects;

    public EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.punctuation = Timer.builder("caseclock.engine.punctuation")
                .description("One punctuation of the due index: range scan and re-evaluation of the subjects due")
                .publishPercentileHistogram()
                .register(registry);
        this.subjects = Counter.builder("caseclock.engine.punctuation.subjects")
                .description("Subjects re-evaluated by punctuations")
                .register(registry);
    }

    /** One punctuation: how long it took and how many subjects it re-evaluated. */
    public void punctuated(Duration took, int subjectsEvaluated) {
        punctuation.record(took);
        subjects.increment(subjectsEvaluated);
    }

    /** An item published OVERDUE that was not OVERDUE (or not there) in the subject's last publication. */
    public void turnedOverdue(String code) {
        Counter.builder("caseclock.engine.items.overdue.flips")
                .description("Items that turned OVERDUE")
                .tag("code", code)
                .register(registry)
                .increment();
    }
}
