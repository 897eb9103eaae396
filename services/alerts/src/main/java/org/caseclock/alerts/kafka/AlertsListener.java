package org.caseclock.alerts.kafka;

import java.time.Clock;
import java.time.Instant;
import org.caseclock.alerts.delivery.AlertMetrics;
import org.caseclock.alerts.delivery.Channels;
import org.caseclock.events.out.Alert;
import org.caseclock.alerts.store.AlertStates;
import org.caseclock.alerts.store.Outbox;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code alerts} (the {@link AlertsKafkaConfig#BINDING} binding of Spring Cloud Stream's
 * Kafka binder) and, for each record, keeps the alert's state and queues one notice per channel
 * in the outbox, before the offset is committed. Nothing is sent from here: the delivery worker
 * does that, so a slow receiver never holds up consumption.
 */
@Component
public class AlertsListener {

    private static final Logger log = LoggerFactory.getLogger(AlertsListener.class);

    private final JsonMapper json;
    private final AlertStates states;
    private final Outbox outbox;
    private final Channels channels;
    private final AlertMetrics metrics;
    private final Clock clock;

    public AlertsListener(JsonMapper json, AlertStates states, Outbox outbox, Channels channels, AlertMetrics metrics,
                          Clock clock) {
        this.json = json;
        this.states = states;
        this.outbox = outbox;
        this.channels = channels;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @throws UnreadableAlert for a record no retry can make readable: the binder dead-letters it */
    public void onAlert(Message<byte[]> record) {
        byte[] value = record.getPayload();
        if (value == null || value.length == 0) {
            return;
        }
        Alert alert;
        try {
            alert = json.readValue(value, Alert.class);
        } catch (JacksonException e) {
            metrics.rejected();
            // Position and field only: the record holds a subject id.
            String where = record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC) + "-"
                    + record.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION) + "@" + record.getHeaders().get(KafkaHeaders.OFFSET);
            String why = e.getClass().getSimpleName() + (e instanceof DatabindException m ? " at " + m.getPathReference() : "");
            log.warn("An unreadable alert record at {} goes to the DLQ: {}", where, why);
            throw new UnreadableAlert(why, e);
        }
        Instant now = clock.instant();
        states.record(alert, now);
        Notice notice = alert.state() == Alert.State.OPEN ? Notice.OPEN : Notice.RESOLVED;
        for (String channel : channels.names()) {
            metrics.enqueued(channel, notice, outbox.enqueue(alert, notice, channel, now));
        }
    }

    /** A record of {@code alerts} that is not an alert: retrying cannot help, so it is not retried. */
    public static final class UnreadableAlert extends RuntimeException {
        UnreadableAlert(String why, Throwable cause) {
            super("unreadable alert record: " + why, cause);
        }
    }
}
