package org.caseclock.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.events.Subject;
import org.caseclock.events.Topics;
import org.caseclock.events.contract.ValidationMark;
import org.caseclock.ingest.config.IngestProperties;
import org.caseclock.local.LocalKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

/** With a validation key, what ingest writes to case-events carries a mark the engine can check against it. */
class ValidationMarkPublishTest {

    private static final String KEY = "the key ingest and the engine share";
    private static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary().withTopics(1, Topics.CASE_EVENTS);

    @AfterAll
    static void stop() {
        KAFKA.close();
    }

    @Test
    void givenAValidationKey_whenIngestPublishesAnAcceptedEvent_thenItsRecordCarriesAMarkOfItsValueUnderThatKey() throws Exception {
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        CaseEventPublisher publisher = new CaseEventPublisher(template,
                new IngestProperties(10, DataSize.ofMegabytes(1), Duration.ofSeconds(20)), KEY);
        OffsetDateTime at = OffsetDateTime.parse("2026-01-05T10:00:00Z");
        CaseEvent event = new CaseEvent("1.0", "e1", "test", EventType.CinPlanStarted, Subject.parse("child/C1"), at, at,
                null, new EventData.CinPlanStarted("P1"));

        publisher.publishAll(List.of(event), List.of());

        ConsumerRecord<String, byte[]> stored = readOne();
        Header mark = stored.headers().lastHeader(ValidationMark.HEADER);
        assertThat(mark).isNotNull();
        assertThat(ValidationMark.of(KEY).orElseThrow().verifies(stored.value(), mark.value())).isTrue();
        assertThat(ValidationMark.of("another key, not the shared one").orElseThrow().verifies(stored.value(), mark.value()))
                .isFalse();
        template.destroy();
    }

    private static ConsumerRecord<String, byte[]> readOne() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "mark-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (got.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            assertThat(got).hasSize(1);
            return got.get(0);
        }
    }
}
