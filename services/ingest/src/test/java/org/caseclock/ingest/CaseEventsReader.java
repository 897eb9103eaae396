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

/** Reads {@code case-events} (or the DLQ) from the beginning, as the engine would, to see what ingest stored. */
final class CaseEventsReader {

    /** {@code error} is the {@link Topics#ERROR_HEADER} of a dead letter, null elsewhere. */
    record Stored(String key, JsonNode value, String error) {}

    private CaseEventsReader() {}

    /** The stored events with the given ids, by id; waits up to 20 s for all of them. */
    static Map<String, Stored> read(String bootstrap, Set<String> ids) {
        return read(bootstrap, Topics.CASE_EVENTS, ids);
    }

    /** The same from {@code topic}, e.g. the dead-letter topic. */
    static Map<String, Stored> read(String bootstrap, String topic, Set<String> ids) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ObjectMapper json = new ObjectMapper();
        Map<String, Stored> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!found.keySet().containsAll(ids) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode value = parse(json, record.value(), topic);
                    if (value != null && ids.contains(value.path("id").asText())) {
                        var error = record.headers().lastHeader(Topics.ERROR_HEADER);
                        found.put(value.path("id").asText(), new Stored(record.key(), value,
                                error == null ? null : new String(error.value(), java.nio.charset.StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return found;
    }

    /** The dead-letter topic holds whatever was sent, JSON or not; case-events only JSON. */
    private static JsonNode parse(ObjectMapper json, byte[] value, String topic) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            if (topic.equals(Topics.CASE_EVENTS_DLQ)) {
                return null;
            }
            throw new IllegalStateException("case-events holds a value that is not JSON", e);
        }
    }
}
