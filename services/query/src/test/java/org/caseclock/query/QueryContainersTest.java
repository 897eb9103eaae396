package org.caseclock.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.Topics;
import org.caseclock.query.kafka.ConsumerLag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same materialise-and-read path against a real MongoDB and Kafka; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class QueryContainersTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("caseclock"));
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ConsumerLag lag;

    @Test
    void a_value_and_an_item_published_by_the_engine_are_served_from_a_real_mongodb() throws Exception {
        String month = YearMonth.from(London.date(java.time.Instant.now())).toString();
        try (EngineOutput engine = new EngineOutput(KAFKA.getBootstrapServers())) {
            engine.commit(List.of(
                    EngineOutput.running("CIN4", "team/T1", month, 3, 4),
                    EngineOutput.recurring("child/C1", "CIN4", "OVERDUE", "T1", "FAM", "2020-01-01")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                lag.caughtUp(List.of(Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES)) && items().size() == 1);

        JsonNode indicators = new ObjectMapper().readTree(http.getForObject("/api/indicators?scope=team/T1", String.class));
        JsonNode cin4 = indicators.path("indicators").findParents("code").stream()
                .filter(n -> n.path("code").asText().equals("CIN4")).findFirst().orElseThrow();
        assertThat(cin4.path("value").asDouble()).isEqualTo(0.75);
        assertThat(items().get(0).path("subject").asText()).isEqualTo("child/C1");
        assertThat(new ObjectMapper().readTree(http.getForObject("/actuator/health", String.class)).path("status").asText())
                .isEqualTo("UP");
    }

    private List<JsonNode> items() throws Exception {
        JsonNode r = new ObjectMapper().readTree(http.getForObject("/api/indicators/CIN4/items?scope=team/T1", String.class));
        return r.path("items").findParents("subject");
    }
}
