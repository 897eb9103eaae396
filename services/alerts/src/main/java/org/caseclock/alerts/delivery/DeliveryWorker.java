package org.caseclock.alerts.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.caseclock.alerts.config.AlertsProperties;
import org.caseclock.alerts.store.Delivery;
import org.caseclock.alerts.store.Outbox;
import org.caseclock.events.out.AlertDelivery.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds and records each attempt. A failed delivery is retried with
 * exponential back-off for ever: after {@code failing-after} attempts it is FAILING (in the
 * metrics and the delivery log, for someone to look at) but never dropped. Logs name deliveries
 * by their delivery id, never by the alert id, which holds the subject.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int ERROR_LENGTH = 300;

    private final Outbox outbox;
    private final Channels channels;
    private final Messages messages;
    private final AlertMetrics metrics;
    private final AlertsProperties.Delivery config;
    private final Clock clock;

    public DeliveryWorker(Outbox outbox, Channels channels, Messages messages, AlertMetrics metrics,
                          AlertsProperties properties, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.messages = messages;
        this.metrics = metrics;
        this.config = properties.delivery();
        this.clock = clock;
    }

    /** One pass: every due delivery, one attempt each. Synchronized so a test's direct call and the schedule never overlap. */
    public synchronized void runOnce() {
        List<Delivery> due = outbox.due(clock.instant(), config.batchSize());
        for (Delivery d : due) {
            if (outbox.claim(d, clock.instant().plus(config.lease()))) {
                attempt(d);
            }
        }
        metrics.unsent(outbox.unsent());
    }

    private void attempt(Delivery d) {
        Instant attemptedAt = clock.instant();
        try {
            Channel channel = channels.get(d.channel())
                    .orElseThrow(() -> new IllegalStateException("channel '" + d.channel() + "' is not configured any more"));
            String recipient = channel.send(messages.of(d));
            outbox.delivered(d, attemptedAt, clock.instant(), recipient);
            metrics.delivered(d);
            log.info("Delivered {} {} notice {} (attempt {})", d.channel(), d.notice(), d.deliveryId(), d.attempts() + 1);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String error = describe(e);
            Instant next = clock.instant().plus(config.backoffAfter(d.attempts() + 1));
            State state = outbox.failed(d, attemptedAt, next, error, config.failingAfter());
            metrics.failed(d);
            log.warn("Could not deliver {} {} notice {} (attempt {}, now {}): {}; next attempt at {}",
                    d.channel(), d.notice(), d.deliveryId(), d.attempts() + 1, state, error, next);
        }
    }

    /** The exception's class and message only: no stack, and nothing of the message's content. */
    private static String describe(Exception e) {
        String s = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return s.length() > ERROR_LENGTH ? s.substring(0, ERROR_LENGTH) : s;
    }
}
