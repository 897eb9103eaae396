package org.caseclock.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseclock.events.Topics;

/**
 * Everything an authority's data came to, as two runs of the same events are compared: the
 * engine's compacted topics as they end (every item and every month value, by key, without the
 * {@code updatedAt} stamp of when it was worked out), and the query API's answers read from them
 * (every month's indicators of every scope, and every indicator's live list of the authority),
 * without their {@code asOf} and their items' {@code updatedAt}.
 *
 * <p>A month value of nothing (every count 0) is taken as no month value: the engine publishes
 * one where a scope's month was counted into and then out of again, which depends on how its
 * evaluations fell (a back-fill taken in one go coalesces a subject's events into one evaluation;
 * events arriving a batch at a time, or again after a restart, are evaluated in more steps), while
 * the figures are the same: the API shows such a month's value (or month-end projection) as
 * {@code null} either way, with numerator and denominator {@code 0} instead of {@code null}, which
 * is made {@code null} here.
 */
record Figures(Map<String, String> items, Map<String, String> values, Map<String, String> answers) {

    static Figures of(ForkedApp app, String bootstrapServers) throws IOException, InterruptedException {
        Map<String, String> items = topic(bootstrapServers, Topics.COMPLIANCE_ITEMS);
        Map<String, String> values = topic(bootstrapServers, Topics.INDICATOR_VALUES);
        return new Figures(items, values, answers(app, values.keySet()));
    }

    /** What differs from {@code expected}: at most a few lines per part, with how many in all. */
    List<String> differencesFrom(Figures expected) {
        List<String> found = new ArrayList<>();
        differences("item", expected.items, items, found);
        differences("month value", expected.values, values, found);
        differences("API answer", expected.answers, answers, found);
        return found;
    }

    private static void differences(String what, Map<String, String> expected, Map<String, String> actual, List<String> out) {
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        int n = 0;
        for (String key : keys) {
            if (!Objects.equals(expected.get(key), actual.get(key))) {
                if (n++ < 5) {
                    out.add(what + " " + key + ": expected " + expected.get(key) + " but was " + actual.get(key));
                }
            }
        }
        if (n > 5) {
            out.add("... " + n + " " + what + "s differ in all (of " + keys.size() + ")");
        }
    }

    /** A compacted topic's latest value per key, read committed, to its end; a tombstone removes the key. */
    private static Map<String, String> topic(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, String> latest = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode value = r.value() == null ? null : json(r.value());
                    if (value == null || isNothing(value)) {
                        latest.remove(r.key());
                    } else {
                        ((ObjectNode) value).remove("updatedAt");
                        latest.put(r.key(), value.toString());
                    }
                }
            }
        }
        return latest;
    }

    /**
     * The authority's indicators for every month the month values name, the current ones of every
     * scope they name (the authority, each service and team), and each indicator's live list of
     * the authority. (Every scope's every month is in the topic already: asking the API for each
     * costs minutes on a busy machine.)
     */
    private static Map<String, String> answers(ForkedApp app, Set<String> valueKeys) throws IOException, InterruptedException {
        Set<String> scopes = new TreeSet<>();
        Set<String> months = new TreeSet<>();
        for (String key : valueKeys) {
            String[] parts = key.split("\\|");
            scopes.add(parts[1]);
            months.add(parts[2]);
        }
        Map<String, String> answers = new TreeMap<>();
        for (String scope : scopes) {
            read(app, "/api/indicators?scope=" + scope, answers);
        }
        for (String month : months) {
            read(app, "/api/indicators?scope=LA&period=" + month, answers);
        }
        for (JsonNode indicator : app.get("/api/indicators?scope=LA").path("indicators")) {
            read(app, "/api/indicators/" + indicator.path("code").asText() + "/items?scope=LA", answers);
        }
        return answers;
    }

    private static void read(ForkedApp app, String path, Map<String, String> into) throws IOException, InterruptedException {
        JsonNode answer = app.get(path);
        if (answer instanceof ObjectNode o) {
            o.remove("asOf");
        }
        withoutUpdatedAt(answer);
        nothingAsNull(answer);
        into.put(path, answer.toString());
    }

    /** Every list item's {@code updatedAt}: when this run's engine worked it out, not what it says. */
    private static void withoutUpdatedAt(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("updatedAt");
        }
        node.forEach(Figures::withoutUpdatedAt);
    }

    /** Every figure in the answer (an indicator, its month-end projection...) that is 0 of 0 with no value: null of null. */
    private static void nothingAsNull(JsonNode node) {
        if (node instanceof ObjectNode o && o.path("value").isNull() && o.path("numerator").asLong(-1) == 0
                && o.path("denominator").asLong(-1) == 0) {
            o.putNull("numerator").putNull("denominator");
        }
        node.forEach(Figures::nothingAsNull);
    }

    /** A month value whose every count is 0 (or not given): as good as none. */
    private static boolean isNothing(JsonNode value) {
        if (!value.has("numerator")) {
            return false;
        }
        for (String count : List.of("numerator", "denominator", "firstReportedNumerator", "firstReportedDenominator",
                "projectedNumerator", "projectedDenominator")) {
            if (value.path(count).asLong(0) != 0) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode json(String json) {
        try {
            return ForkedApp.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
