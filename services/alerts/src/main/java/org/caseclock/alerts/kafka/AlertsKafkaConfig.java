package org.caseclock.alerts.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.caseclock.events.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The alerts consumer on Spring Cloud Stream: the function {@value #FUNCTION}, bound to
 * {@code alerts} in {@code alerts-binding.yml} (destination, group), with what must not be
 * configured away fixed here. Named for this service: the all-in-one app puts every service's
 * configuration in one context.
 */
@Configuration(proxyBeanMethods = false)
public class AlertsKafkaConfig {

    /** The function's bean name, and so the binding's name, {@value #BINDING}. */
    public static final String FUNCTION = "alertRecords";
    public static final String BINDING = FUNCTION + "-in-0";

    /** The DLQ, created by this service (KafkaAdmin) like the engine's topics. */
    @Bean
    NewTopic alertsDlqTopic(@Value("${caseclock.topics.partitions:6}") int partitions,
                            @Value("${caseclock.topics.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.ALERTS_DLQ).partitions(partitions).replicas(replicas).build();
    }

    /** Each delivery's latest state, compacted: created here, so the query service's reader finds it from the start. */
    @Bean
    NewTopic alertDeliveriesTopic(@Value("${caseclock.topics.partitions:6}") int partitions,
                                  @Value("${caseclock.topics.replication-factor:1}") short replicas) {
        return TopicBuilder.name(Topics.ALERT_DELIVERIES).partitions(partitions).replicas(replicas).compact().build();
    }

    @Bean(FUNCTION)
    Consumer<Message<byte[]>> alertRecords(AlertsListener listener) {
        return listener::onAlert;
    }

    /**
     * Fixed in code, not in configuration. read_committed: the engine publishes in transactions,
     * and an aborted alert must never be announced; a transaction's commit marker sits after its
     * last record, so without fixTxOffsets the committed offset stays one short. Errors are handled
     * by the container, not retried inside the binding: an unreadable record goes to the DLQ at
     * once; anything else (MongoDB unreachable) is retried for ever with back-off rather than
     * committed past, since a dead-lettered alert is one nobody was told of. Offsets are committed
     * only after the listener has written the outbox, so a crash re-reads rather than skips.
     */
    @Bean
    ListenerContainerWithDlqAndRetryCustomizer alertsErrorHandling(KafkaProperties properties) {
        Map<String, Object> producer = new HashMap<>(properties.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer()));
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group,
                                  BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                                  BackOff backOff) {
                container.getContainerProperties().getKafkaConsumerProperties()
                        .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                container.getContainerProperties().setFixTxOffsets(true);
                ExponentialBackOff forEver = new ExponentialBackOff(500, 2);
                forEver.setMaxInterval(30_000);
                DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(deadLetters,
                        (record, e) -> new TopicPartition(Topics.ALERTS_DLQ, -1)), forEver);
                handler.addNotRetryableExceptions(AlertsListener.UnreadableAlert.class);
                container.setCommonErrorHandler(handler);
            }

            @Override
            public boolean retryAndDlqInBinding(String destination, String group) {
                return false;
            }
        };
    }
}
