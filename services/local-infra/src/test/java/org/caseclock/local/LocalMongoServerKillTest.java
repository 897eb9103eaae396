package org.caseclock.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the on-disk stand-in acknowledged survives {@code kill -9}: a real SIGKILL of a forked JVM
 * ({@link WritesAndWaits}), at once after the acknowledgement, well inside the second in which
 * H2 MVStore would otherwise still hold the write in memory.
 */
class LocalMongoServerKillTest {

    @TempDir
    Path dir;

    @Test
    void givenAWriteAcknowledgedByAnOnDiskDatabase_whenTheProcessIsKilledAtOnce_thenTheWriteIsInTheFileAndTheInMemoryDatabaseIsEmpty()
            throws Exception {
        // Given a JVM running the stand-in that has written one document to each database and been told so
        Path file = dir.resolve("mongodb/caseclock.mv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WritesAndWaits.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(WritesAndWaits.WRITTEN));
            assertThat(line).as("the forked JVM said it had written").isEqualTo(WritesAndWaits.WRITTEN);

            // When it is killed with SIGKILL (destroyForcibly on Unix), no shutdown hook run, no store closed
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);

        // Then the stand-in opened again on the file has the on-disk write, and not the in-memory one
        try (LocalMongoServer again = LocalMongoServer.onDisk(0, file, Set.of("kept"));
             MongoClient client = MongoClients.create(again.uri("kept"))) {
            assertThat(client.getDatabase("kept").getCollection("outbox").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("gone").getCollection("readModel").countDocuments()).isZero();
        }
        assertThat(new File(file.toString())).exists();
    }
}
