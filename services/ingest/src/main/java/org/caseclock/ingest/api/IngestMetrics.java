package org.caseclock.ingest.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.caseclock.events.contract.RejectionReason;
import org.springframework.stereotype.Component;

/**
 * Ingest's meters. Rejections are tagged with a bounded reason, never the message, which can
 * carry values from the event.
 */
@Component
class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("caseclock.ingest.events.accepted")
                .description("events stored in case-events")
                .register(registry);
    }

    void accepted(int count) {
        accepted.increment(count);
    }

    void rejected(RejectionReason reason) {
        Counter.builder("caseclock.ingest.events.rejected")
                .description("events that failed the contract")
                .tag("reason", reason.tag())
                .register(registry)
                .increment();
    }

    Timer.Sample startRequest() {
        return Timer.start(registry);
    }

    /** @param outcome the answer's kind: accepted, rejected, too_large, unavailable or error */
    void requestDone(Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("caseclock.ingest.request")
                .description("POST /api/events, from receipt to answer")
                .tag("outcome", outcome)
                .register(registry));
    }
}
