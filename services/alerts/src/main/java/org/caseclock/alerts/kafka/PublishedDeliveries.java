package org.caseclock.alerts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.caseclock.alerts.store.Outbox;
import org.caseclock.events.EventJson;
import org.caseclock.events.out.AlertDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes each delivery's new state on {@code alert-deliveries} through the Spring Cloud Stream binding
 * {@value #BINDING} (alerts-binding.yml), keyed by the delivery's id: the query service shows them from the
 * topic, not from this service's collection. The outbox in MongoDB stays the truth: a state that could not be
 * published is logged and the next change of that delivery publishes it whole.
 */
@Component
class PublishedDeliveries implements Outbox.Published {

    static final String BINDING = "alertDeliveries-out-0";

    private static final Logger log = LoggerFactory.getLogger(PublishedDeliveries.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    private final StreamBridge bridge;

    PublishedDeliveries(StreamBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void changed(AlertDelivery delivery) {
        try {
            boolean sent = bridge.send(BINDING, MessageBuilder.withPayload(JSON.writeValueAsBytes(delivery))
                    .setHeader(KafkaHeaders.KEY, delivery.id().getBytes(StandardCharsets.UTF_8)).build());
            if (!sent) {
                log.warn("Delivery {} ({}) not published on alert-deliveries", delivery.deliveryId(), delivery.state());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an AlertDelivery cannot be written as JSON", e);
        } catch (RuntimeException e) {
            // The notice itself is in the outbox and is sent whatever happens here; only the dashboard's view lags.
            log.warn("Delivery {} ({}) not published on alert-deliveries: {}", delivery.deliveryId(), delivery.state(), e.toString());
        }
    }
}
