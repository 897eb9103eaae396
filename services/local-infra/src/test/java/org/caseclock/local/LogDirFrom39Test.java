package org.caseclock.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ./data/kafka} written by the 3.9 platform (Kafka 3.9.2's KRaft broker, this class's
 * {@link LocalKafkaBroker} at commit c2d51c1: topic {@code written-by-3.9} with two records, the
 * broker stopped cleanly) is read as it is by the Kafka 4 broker: no reformat, no message to
 * remove {@code ./data}. The fixture is that log dir, zipped.
 */
class LogDirFrom39Test {

    @TempDir
    Path dir;

    @Test
    void a_log_dir_written_by_kafka_3_9_is_served_as_it_is_and_takes_new_records() throws Exception {
        // Given the log dir a 3.9 run left behind
        Path logDir = dir.resolve("kafka");
        unzip("/kafka-3.9-logdir.zip", logDir);

        // When the Kafka 4 broker starts on it
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, logDir)) {

            // Then the records written by 3.9 are there, and a new one is appended after them
            assertThat(Records.readAll(broker.bootstrapServers(), "written-by-3.9", 2))
                    .extracting(ConsumerRecord::value).containsExactly("first", "second");
            Records.send(broker.bootstrapServers(), "written-by-3.9", "child/C3", "third");
            assertThat(Records.readAll(broker.bootstrapServers(), "written-by-3.9", 3))
                    .extracting(ConsumerRecord::value).containsExactly("first", "second", "third");
        }
    }

    private static void unzip(String resource, Path target) throws IOException {
        try (InputStream in = LogDirFrom39Test.class.getResourceAsStream(resource);
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out);
                }
            }
        }
    }
}
