package org.caseclock.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void a_record_produced_to_the_embedded_broker_is_read_back_with_its_key() throws Exception {
        // Given a broker on a free port
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dir.resolve("kafka"))) {
            Records.createTopic(broker.bootstrapServers(), "round-trip");

            // When a record is produced
            Records.send(broker.bootstrapServers(), "round-trip", "child/C1", "hello");

            // Then a consumer reads it back
            List<ConsumerRecord<String, String>> read = Records.readAll(broker.bootstrapServers(), "round-trip", 1);
            assertThat(read).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("child/C1");
                assertThat(r.value()).isEqualTo("hello");
            });
        }
    }

    @Test
    void records_survive_a_restart_on_the_same_log_dir() throws Exception {
        // Given a record written by a broker that has since stopped
        try (LocalKafkaBroker first = LocalKafkaBroker.start(0, dir.resolve("kafka"))) {
            Records.createTopic(first.bootstrapServers(), "durable");
            Records.send(first.bootstrapServers(), "durable", "k", "before restart");
        }

        // When a new broker starts on the same directory
        try (LocalKafkaBroker second = LocalKafkaBroker.start(0, dir.resolve("kafka"))) {

            // Then the record is still there
            assertThat(Records.readAll(second.bootstrapServers(), "durable", 1))
                    .extracting(ConsumerRecord::value).containsExactly("before restart");
        }
    }
}
