package org.caseclock.alerts.delivery;

import java.time.Clock;
import java.time.Instant;
import org.caseclock.alerts.config.AlertsProperties;
import org.caseclock.events.out.Alert;
import org.caseclock.alerts.store.AlertStates;
import org.caseclock.alerts.store.Outbox;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues an e-mail to the escalation address for every alert OPEN for longer than
 * {@code escalate-after} (from when the engine raised it). The outbox key
 * {@code alertId|ESCALATION|email} makes it once per alert, however often the check runs.
 */
@Component
public class Escalator {

    private static final Logger log = LoggerFactory.getLogger(Escalator.class);
    private static final int BATCH = 500;

    private final AlertStates states;
    private final Outbox outbox;
    private final Channels channels;
    private final AlertMetrics metrics;
    private final AlertsProperties properties;
    private final Clock clock;

    public Escalator(AlertStates states, Outbox outbox, Channels channels, AlertMetrics metrics,
                     AlertsProperties properties, Clock clock) {
        this.states = states;
        this.outbox = outbox;
        this.channels = channels;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many alerts were escalated by this check */
    public synchronized int check() {
        if (!channels.has(EmailChannel.NAME)) {
            return 0;
        }
        Instant now = clock.instant();
        int escalated = 0;
        // A bounded batch per check: a backlog larger than that is worked through on the next checks.
        for (Alert alert : states.openRaisedBefore(now.minus(properties.escalateAfter()), BATCH)) {
            if (outbox.enqueue(alert, Notice.ESCALATION, EmailChannel.NAME, now)) {
                escalated++;
                metrics.escalated();
            }
            states.markEscalated(alert.id(), now);
        }
        if (escalated > 0) {
            log.info("Escalated {} alert(s) open for more than {}", escalated, properties.escalateAfter());
        }
        return escalated;
    }
}
