package org.caseclock.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same round trip against a real Kafka distribution; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestKafkaContainerTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @LocalServerPort
    int port;

    @Test
    void a_valid_event_posted_to_ingest_is_stored_in_a_real_kafka_keyed_by_subject() {
        String id = UUID.randomUUID().toString();

        IngestClient.Answer answer = new IngestClient(port).post("application/cloudevents+json", IngestClient.visit(id, "child/C7"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(CaseEventsReader.read(KAFKA.getBootstrapServers(), Set.of(id)).get(id).key()).isEqualTo("child/C7");
    }
}
