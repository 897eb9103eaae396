package org.caseclock.alerts.kafka;

import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseclock.alerts.delivery.AlertMetrics;
import org.caseclock.alerts.delivery.Channels;
import org.caseclock.alerts.store.Alert;
import org.caseclock.alerts.store.AlertStates;
import org.caseclock.alerts.store.Notice;
import org.caseclock.alerts.store.Outbox;
import org.caseclock.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code alerts} and, for each record, keeps the alert's state and queues one notice per
 * channel in the outbox, before the offset is committed. Nothing is sent from here: the
 * delivery worker does that, so a slow receiver never holds up consumption.
 */
@Component
public class AlertsListener {

    public static final String ID = "alerts";

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

    /**
     * A group of its own, whatever {@code spring.kafka.consumer.group-id} says: sharing a group with
     * another reader of {@code alerts} (the query service, in one context with it) would split the
     * partitions between them and leave alerts unannounced.
     */
    @KafkaListener(id = ID, groupId = "${caseclock.alerts.group-id:caseclock-alerts}", topics = Topics.ALERTS,
            containerFactory = AlertsKafkaConfig.LISTENER_FACTORY)
    public void onAlert(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        Alert alert;
        try {
            alert = json.readValue(record.value(), Alert.class);
        } catch (JacksonException e) {
            // Retrying cannot make it readable. Position and field only: the record holds a subject id.
            metrics.rejected();
            log.warn("Skipped an unreadable alert record at {}-{}@{}: {}{}", record.topic(), record.partition(),
                    record.offset(), e.getClass().getSimpleName(),
                    e instanceof DatabindException m ? " at " + m.getPathReference() : "");
            return;
        }
        Instant now = clock.instant();
        states.record(alert, now);
        Notice notice = Notice.of(alert.state());
        for (String channel : channels.names()) {
            metrics.enqueued(channel, notice, outbox.enqueue(alert, notice, channel, now));
        }
    }
}
