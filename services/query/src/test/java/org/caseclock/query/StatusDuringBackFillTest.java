package org.caseclock.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caseclock.query.EngineOutput.contribution;
import static org.caseclock.query.EngineOutput.counterProgress;
import static org.caseclock.query.EngineOutput.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.caseclock.events.Topics;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.local.LocalMongoServer;
import org.caseclock.query.store.ProgressStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /api/status} while the engine works through a back-fill, when its counters are never
 * all caught up: a figure of {@code applied} is shown once the counters have counted past every
 * contribution sent before it was seen, and not before. Records are produced as the engine
 * produces them, in transactions; its own class because the counts are absolute, on a broker of
 * its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "caseclock.organisation.teams.T1=FAM"})
@DirtiesContext
@AutoConfigureTestRestTemplate
class StatusDuringBackFillTest {

    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary().withTopics(2, Topics.CASE_EVENTS,
            Topics.CASE_EVENTS_DLQ, Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES, Topics.ALERTS, Topics.ENGINE_PROGRESS,
            Topics.CONTRIBUTIONS);
    static final LocalMongoServer MONGO = LocalMongoServer.inMemory(0);
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("caseclock-status-test"));
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoTemplate mongo;

    @Test
    void applied_rises_to_a_figure_once_the_counters_have_counted_past_what_was_sent_before_it() {
        // Given 30 events in case-events, and the engine a third of the way through them: it has
        // applied 10 and sent 4 contributions (offsets 0-3 of contributions partition 0, the
        // transaction's commit marker at 4, so the partition ends at 5), none of them counted yet
        produceCaseEvents(30);
        try (EngineOutput engine = new EngineOutput(KAFKA.bootstrapServers())) {
            List<EngineOutput.Rec> first = new ArrayList<>(List.of(
                    progress("partition-0", 10, 10, 0, 0, 4, 0), counterProgress(0, 0, 0)));
            for (int i = 0; i < 4; i++) {
                first.add(contribution(0));
            }
            engine.commit(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored("partition-0", "applied") == 10);

            // Then applied holds at 0: nothing of the 10 is counted
            assertThat(status().path("applied").asLong()).isZero();
            assertThat(status().path("accepted").asLong()).isEqualTo(30);

            // When it has applied 20 and sent 4 more (offsets 5-8, marker 9), and the counter has
            // counted 5, up to offset 5: past everything sent before the 10 were seen, but not all
            // that has been sent, so the counters are not caught up
            List<EngineOutput.Rec> second = new ArrayList<>(List.of(
                    progress("partition-0", 20, 20, 0, 0, 8, 0), counterProgress(0, 5, 6)));
            for (int i = 0; i < 4; i++) {
                second.add(contribution(0));
            }
            engine.commit(second);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored("counters-0", "counted") == 5);

            // Then applied rises to the 10 whose effects are readable, not to the 20 still being counted
            await().atMost(Duration.ofSeconds(30)).until(() -> status().path("applied").asLong() == 10);
            assertThat(status().path("applied").asLong()).isEqualTo(10);
            assertThat(status().path("lagEvents").asLong()).isEqualTo(20);

            // And once the counter has counted all 8 (offset 8 the last), it reaches 20
            engine.commit(List.of(counterProgress(0, 8, 9)));
            await().atMost(Duration.ofSeconds(30)).until(() -> status().path("applied").asLong() == 20);
        }
    }

    private static void produceCaseEvents(int n) {
        try (KafkaProducer<String, String> ingest = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < n; i++) {
                ingest.send(new ProducerRecord<>(Topics.CASE_EVENTS, "child/B" + i, "{}"));
            }
        }
    }

    private JsonNode status() {
        try {
            return JSON.readTree(http.getForObject("/api/status", String.class));
        } catch (Exception e) {
            throw new AssertionError("/api/status did not answer JSON", e);
        }
    }

    private long stored(String key, String field) {
        Document d = mongo.getCollection(ProgressStore.COLLECTION).find(new Document("_id", key)).first();
        return d == null ? -1 : d.getLong(field);
    }
}
