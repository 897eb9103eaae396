package org.caseclock.ingest.config;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseclock.events.Topics;
import org.caseclock.events.contract.ContractValidator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.ProducerListener;

@Configuration(proxyBeanMethods = false)
public class IngestConfig {

    private static final Logger log = LoggerFactory.getLogger(IngestConfig.class);

    @Bean
    ContractValidator contractValidator() {
        return new ContractValidator();
    }

    /**
     * Named and marked as a fallback so that ingest can share a context with other services that
     * bring their own clock (the all-in-one app): theirs is used, and the names do not clash.
     */
    @Bean
    @Fallback
    Clock ingestClock() {
        return Clock.systemUTC();
    }

    /**
     * Fixed in code, not in configuration: a 202 promises the events are durably in Kafka, which
     * holds only with acks from every in-sync replica, and a retried send must not be written twice.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer durableProducer() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /**
     * Replaces Boot's LoggingProducerListener, which logs the record key on a failed send: the key
     * is the subject, and no child-level data goes to application logs.
     */
    @Bean
    ProducerListener<Object, Object> producerListenerWithoutKeys() {
        return new ProducerListener<>() {
            @Override
            public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
                log.warn("Send to {} failed: {}", record.topic(), exception.toString());
            }
        };
    }

    // alerts, compliance-items and indicator-values are the engine's to create.

    @Bean
    NewTopic caseEventsTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.CASE_EVENTS)
                .partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }

    @Bean
    NewTopic caseEventsDlqTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.CASE_EVENTS_DLQ)
                .partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
