package org.caseclock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.topology.EngineTopics;
import org.caseclock.local.LocalKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine application end to end on a real (embedded KRaft) broker: events produced straight
 * to case-events come out as items and counters, and an invalid record reaches the DLQ.
 */
@SpringBootTest(classes = EngineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "caseclock.topics.partitions=2",
        "caseclock.engine.state-dir=${java.io.tmpdir}/engine-on-kafka-${random.uuid}",
        "caseclock.engine.application-id=engine-on-kafka-test",
        "caseclock.organisation.teams.T1=FAM"})
@DirtiesContext
class EngineOnKafkaTest {

    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    @Test
    void eventsProducedStraightToCaseEventsBecomeItemsAndCounters_andABadOneGoesToTheDlq() throws Exception {
        // Given a child on a CIN plan started 40 days ago with no visit: due after 28 days, so overdue now
        Instant started = Instant.now().minus(40, ChronoUnit.DAYS);
        LocalDate due = London.date(started).plusDays(28);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(), "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class))) {
            producer.send(new ProducerRecord<>(EngineTopics.CASE_EVENTS, "child/K1",
                    event("e1", "CaseAllocated", started.minusSeconds(60), "{\"team\":\"T1\",\"worker\":\"W1\"}"))).get();
            producer.send(new ProducerRecord<>(EngineTopics.CASE_EVENTS, "child/K1",
                    event("e2", "CinPlanStarted", started, "{\"planId\":\"P1\"}"))).get();
            producer.send(new ProducerRecord<>(EngineTopics.CASE_EVENTS, "child/K1",
                    event("e3", "VisitRecorded", started, "{}"))).get();
        }

        // Then the CIN4 item is published overdue, counted 0 of 1 for the team, its service and the LA
        Map<String, String> items = readUntil(EngineTopics.COMPLIANCE_ITEMS, "child/K1|CIN4|CIN4");
        assertThat(items.get("child/K1|CIN4|CIN4")).contains("\"status\":\"OVERDUE\"").contains("\"due\":\"" + due + "\"");
        String month = YearMonth.from(London.date(Instant.now())).toString();
        Map<String, String> values = readUntil(EngineTopics.INDICATOR_VALUES, "CIN4|service/FAM|" + month);
        assertThat(values.get("CIN4|service/FAM|" + month)).contains("\"numerator\":0").contains("\"denominator\":1");

        // And the visit with no visitId is on the DLQ with the field named
        try (Consumer<byte[], byte[]> dlq = consumer(org.apache.kafka.common.serialization.ByteArrayDeserializer.class)) {
            dlq.subscribe(List.of(EngineTopics.CASE_EVENTS_DLQ));
            List<ConsumerRecord<byte[], byte[]>> dead = allRecords(dlq);
            assertThat(dead).hasSize(1);
            String reason = new String(dead.get(0).headers().lastHeader(EngineTopics.ERROR_HEADER).value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains("data.visitId");
        }
    }

    private static <T> List<ConsumerRecord<T, T>> allRecords(Consumer<T, T> c) {
        List<ConsumerRecord<T, T>> all = new java.util.ArrayList<>();
        long end = System.currentTimeMillis() + 30_000;
        while (all.isEmpty() && System.currentTimeMillis() < end) {
            c.poll(Duration.ofMillis(500)).forEach(all::add);
        }
        return all;
    }

    /** Reads a topic (read_committed: the engine writes in transactions) until the key appears. */
    private Map<String, String> readUntil(String topic, String key) {
        Map<String, String> latest = new HashMap<>();
        try (Consumer<String, String> c = consumer(StringDeserializer.class)) {
            c.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + 60_000;
            while (!latest.containsKey(key) && System.currentTimeMillis() < end) {
                c.poll(Duration.ofMillis(500)).forEach(r -> latest.put(r.key(), r.value()));
            }
        }
        assertThat(latest).as("records on " + topic).containsKey(key);
        return latest;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Consumer<T, T> consumer(Class<?> deserializer) {
        Map<String, Object> props = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, deserializer);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, deserializer);
        return (Consumer<T, T>) new DefaultKafkaConsumerFactory(props).createConsumer();
    }

    private static String event(String id, String type, Instant time, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"test\",\"type\":\"" + type
                + "\",\"subject\":\"child/K1\",\"time\":\"" + time + "\",\"data\":" + data + "}";
    }
}
