package org.caseclock.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseclock.events.Topics;

/** Reads {@code case-events} from the beginning, as the engine would, to see what ingest stored. */
final class CaseEventsReader {

    record Stored(String key, JsonNode value) {}

    private CaseEventsReader() {}

    /** The stored events with the given ids, by id; waits up to 20 s for all of them. */
    static Map<String, Stored> read(String bootstrap, Set<String> ids) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ObjectMapper json = new ObjectMapper();
        Map<String, Stored> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!found.keySet().containsAll(ids) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode value = json.readTree(record.value());
                    if (ids.contains(value.path("id").asText())) {
                        found.put(value.path("id").asText(), new Stored(record.key(), value));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("case-events holds a value that is not JSON", e);
        }
        return found;
    }
}
