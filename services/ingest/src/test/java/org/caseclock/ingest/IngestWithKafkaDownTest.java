package org.caseclock.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.caseclock.ingest.IngestClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Ingest pointed at a bootstrap address nothing listens on. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.admin.auto-create=false",
    "spring.kafka.producer.properties.max.block.ms=1000",
    "spring.kafka.producer.properties.request.timeout.ms=1000",
    "spring.kafka.producer.properties.delivery.timeout.ms=2000",
    "caseclock.ingest.send-timeout=5s"})
class IngestWithKafkaDownTest {

    @DynamicPropertySource
    static void nowhere(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void when_kafka_does_not_acknowledge_the_answer_is_503_and_nothing_is_reported_accepted() {
        // Given Kafka is unreachable
        IngestClient ingest = new IngestClient(port);

        // When a valid event is posted
        Answer answer = ingest.post("application/cloudevents+json", IngestClient.visit("e1", "child/C1"));

        // Then the answer says it was not stored, and it is not counted as accepted
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body().has("accepted")).isFalse();
        assertThat(answer.body().path("error").asText())
                .startsWith("Events could not be stored")
                .contains("Nothing from this request was accepted");
        assertThat(meters.counter("caseclock.ingest.events.accepted").count()).isZero();
    }

    @Test
    void a_failed_send_does_not_write_the_subject_to_the_log(CapturedOutput log) {
        Answer answer = new IngestClient(port).post("application/json", IngestClient.visit("e2", "child/PSEUDO-C9931"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(log.getAll()).contains("Send to case-events failed").doesNotContain("PSEUDO-C9931");
    }

    @Test
    void a_request_with_nothing_valid_is_still_answered_400_without_kafka() {
        Answer answer = new IngestClient(port).post("application/json", "[{\"specversion\":\"2.0\"}]");

        assertThat(answer.status()).isEqualTo(400);
    }
}
