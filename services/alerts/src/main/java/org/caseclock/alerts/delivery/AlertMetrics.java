package org.caseclock.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.caseclock.alerts.store.Delivery;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.caseclock.events.out.AlertDelivery.State;
import org.springframework.stereotype.Component;

/**
 * The service's own meters (Prometheus names in brackets): deliveries by channel, notice and
 * outcome ({@code caseclock_alerts_deliveries_total}), attempts a delivery took
 * ({@code caseclock_alerts_delivery_attempts}), notices queued or found already there
 * ({@code caseclock_alerts_outbox_enqueued_total}), the outbox still unsent by state
 * ({@code caseclock_alerts_outbox_unsent}), escalations ({@code caseclock_alerts_escalations_total})
 * and alert records refused ({@code caseclock_alerts_records_rejected_total}).
 */
@Component
public class AlertMetrics {

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failing = new AtomicLong();
    private final Counter escalations;
    private final Counter rejected;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Kept from the worker's last look rather than counted at scrape time: a scrape must not wait on MongoDB.
        Gauge.builder("caseclock.alerts.outbox.unsent", pending, AtomicLong::get).tag("state", "PENDING")
                .description("Deliveries not yet sent").register(registry);
        Gauge.builder("caseclock.alerts.outbox.unsent", failing, AtomicLong::get).tag("state", "FAILING")
                .description("Deliveries not yet sent").register(registry);
        this.escalations = Counter.builder("caseclock.alerts.escalations")
                .description("Alerts escalated for being open too long").register(registry);
        this.rejected = Counter.builder("caseclock.alerts.records.rejected")
                .description("Alert records that could not be read").register(registry);
    }

    public void enqueued(String channel, Notice notice, boolean isNew) {
        registry.counter("caseclock.alerts.outbox.enqueued", "channel", channel, "notice", notice.name(),
                "outcome", isNew ? "new" : "existing").increment();
    }

    public void delivered(Delivery d) {
        registry.counter("caseclock.alerts.deliveries", "channel", d.channel(), "notice", d.notice().name(),
                "outcome", "delivered").increment();
        DistributionSummary.builder("caseclock.alerts.delivery.attempts").tag("channel", d.channel())
                .description("Attempts a delivery took").register(registry).record(d.attempts() + 1);
    }

    public void failed(Delivery d) {
        registry.counter("caseclock.alerts.deliveries", "channel", d.channel(), "notice", d.notice().name(),
                "outcome", "failed").increment();
    }

    public void unsent(Map<State, Long> counts) {
        pending.set(counts.getOrDefault(State.PENDING, 0L));
        failing.set(counts.getOrDefault(State.FAILING, 0L));
    }

    public void escalated() {
        escalations.increment();
    }

    public void rejected() {
        rejected.increment();
    }
}
