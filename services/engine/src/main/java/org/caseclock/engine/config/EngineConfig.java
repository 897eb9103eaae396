package org.caseclock.engine.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.topology.EngineSettings;
import org.caseclock.engine.topology.EngineTopics;
import org.caseclock.engine.topology.EngineTopology;
import org.caseclock.events.contract.ValidationMark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires the topology to Kafka: settings from configuration, topics, the streams lifecycle, health. */
@Configuration
public class EngineConfig {

    private static final Logger log = LoggerFactory.getLogger(EngineConfig.class);

    @Bean
    EngineSettings engineSettings(EngineProperties props, Catalogue catalogue, Organisation organisation) {
        return new EngineSettings(catalogue, organisation, new WorkingCalendar(props.bankHolidays()),
                props.punctuationInterval(), props.retainedMonths(), EngineSettings.alertingOf(catalogue, props.alerting()),
                props.alertHorizon(), new EngineSettings.Load(props.coalesceWhenBehind(), props.coalesceDelay(), props.punctuationBudget()));
    }

    @Bean
    KafkaAdmin.NewTopics engineTopics(@Value("${caseclock.topics.partitions:6}") int partitions,
                                      @Value("${caseclock.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                topic(EngineTopics.CASE_EVENTS, partitions, replicas, false),
                topic(EngineTopics.CASE_EVENTS_DLQ, partitions, replicas, false),
                topic(EngineTopics.COMPLIANCE_ITEMS, partitions, replicas, true),
                topic(EngineTopics.INDICATOR_VALUES, partitions, replicas, true),
                topic(EngineTopics.ALERTS, partitions, replicas, false),
                topic(EngineTopics.ENGINE_PROGRESS, partitions, replicas, true),
                topic(EngineTopics.CONTRIBUTIONS, partitions, replicas, false));
    }

    private static NewTopic topic(String name, int partitions, short replicas, boolean compacted) {
        TopicBuilder b = TopicBuilder.name(name).partitions(partitions).replicas(replicas);
        if (compacted) {
            b.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return b.build();
    }

    @Bean
    KafkaStreams kafkaStreams(EngineSettings settings, EngineProperties props, KafkaProperties kafka, EngineMetrics metrics,
                              @Value("${caseclock.topics.replication-factor:1}") int replicas,
                              @Value("${caseclock.validation-key:}") String validationKey) {
        Properties p = new Properties();
        p.putAll(kafka.buildStreamsProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, props.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, props.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, props.streamThreads());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicas);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, props.stateCache().toBytes());
        KafkaStreams streams = new KafkaStreams(EngineTopology.build(settings, true, metrics, ValidationMark.of(validationKey)), p);
        // A processing error is a bug, not bad input (that goes to the DLQ): fail loudly rather than skip an event.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("engine stream thread failed; replacing it (the event will be retried)", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        return streams;
    }

    @Bean
    SmartLifecycle kafkaStreamsLifecycle(KafkaStreams streams, MeterRegistry registry) {
        return new SmartLifecycle() {
            private volatile boolean running;
            private KafkaStreamsMetrics metrics;

            @Override
            public void start() {
                metrics = new KafkaStreamsMetrics(streams);
                metrics.bindTo(registry);
                streams.start();
                running = true;
            }

            @Override
            public void stop() {
                streams.close(java.time.Duration.ofSeconds(30));
                if (metrics != null) {
                    metrics.close();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /** Ready once the streams have partitions assigned and are processing. */
    @Bean
    HealthIndicator engineStreams(KafkaStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            Health.Builder b = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                    ? Health.up() : Health.down();
            return b.withDetail("state", state.name()).build();
        };
    }
}
