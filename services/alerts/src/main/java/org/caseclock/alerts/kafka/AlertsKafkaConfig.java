package org.caseclock.alerts.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
/** Named for this service: the all-in-one app puts every service's configuration in one context. */
public class AlertsKafkaConfig {

    public static final String LISTENER_FACTORY = "alertsListenerFactory";

    /**
     * Fixed in code, not in configuration. read_committed: the engine publishes in transactions,
     * and an aborted alert must never be announced. Offsets are committed only after the
     * listener has written the outbox, so a crash re-reads (and finds its entries) rather than skips.
     */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> alertsListenerFactory(KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()));
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        // A transaction's commit marker sits after its last record; without this the committed offset stays one short.
        factory.getContainerProperties().setFixTxOffsets(true);
        factory.getContainerProperties().setPollTimeout(1000);
        // MongoDB unreachable: retry the record for ever rather than commit past an alert nobody was told of.
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
