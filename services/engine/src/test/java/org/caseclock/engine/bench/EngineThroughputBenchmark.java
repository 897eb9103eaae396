package org.caseclock.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.store.JsonSerde;
import org.caseclock.engine.topology.EngineSettings;
import org.caseclock.engine.topology.EngineTopics;
import org.caseclock.engine.topology.EngineTopology;
import org.caseclock.events.CaseEvent;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.SimulatorConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Back-fill throughput of the engine as it runs in production: a simulated authority's history
 * produced to the in-process KRaft broker ({@link LocalKafkaBroker}), then the engine's KafkaStreams (RocksDB, exactly-once,
 * {@code bench.threads} stream threads over {@code bench.partitions} partitions) started and timed
 * until its progress says every event is applied and every counter change it sent has been summed.
 * Run on demand (it is excluded from the test suite), never as a pass/fail test; {@code test.jvm}
 * replaces the test JVM's quick-start C1-only flags so the engine runs fully compiled:
 *
 * <pre>./mvnw -pl services/engine -am test -Dengine.excludedGroups=none -Dgroups=benchmark \
 *     -Dtest=EngineThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jvm=-Xmx4g \
 *     -Dbench.openCases=3000 -Dbench.threads=2 -Dbench.partitions=6</pre>
 */
@Tag("benchmark")
class EngineThroughputBenchmark {

    @Test
    void backfill() throws Exception {
        int openCases = Integer.getInteger("bench.openCases", 1000);
        int partitions = Integer.getInteger("bench.partitions", 2);
        int threads = Integer.getInteger("bench.threads", 1);
        Instant now = Instant.now();
        List<CaseEvent> history = new Simulator(SimulatorConfig.defaults(42, now).withOpenCases(openCases)).history().toList();
        long subjects = history.stream().map(e -> e.subject().toString()).distinct().count();

        // The local profile's in-process KRaft broker (one replica for every internal topic, as exactly-once needs).
        LocalKafkaBroker broker = LocalKafkaBroker.startTemporary().withTopics(partitions, EngineTopics.COMPLIANCE_ITEMS,
                EngineTopics.INDICATOR_VALUES, EngineTopics.ALERTS, EngineTopics.ENGINE_PROGRESS, EngineTopics.CONTRIBUTIONS,
                EngineTopics.CASE_EVENTS, EngineTopics.CASE_EVENTS_DLQ);
        String servers = broker.bootstrapServers();
        long p0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (CaseEvent e : history) {
                producer.send(new ProducerRecord<>(EngineTopics.CASE_EVENTS, e.subject().toString(),
                        JsonSerde.MAPPER.writeValueAsBytes(e)));
            }
        }
        double produceSeconds = (System.nanoTime() - p0) / 1e9;

        Catalogue catalogue = Catalogue.defaults();
        EngineSettings settings = new EngineSettings(catalogue, new Organisation(Map.of()), WorkingCalendar.englandAndWales(),
                Duration.ofSeconds(1), 25, EngineSettings.alertingOf(catalogue, Set.of()), Duration.ofDays(7),
                EngineSettings.Load.DEFAULT);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench").toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024); // as the engine's default
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

        long s0 = System.nanoTime();
        long handled = 0;
        try (KafkaStreams streams = new KafkaStreams(EngineTopology.build(settings), props);
             KafkaConsumer<String, String> progress = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "bench-progress",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            streams.start();
            progress.subscribe(List.of(EngineTopics.ENGINE_PROGRESS));
            Map<String, JsonNode> byKey = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            long nextReport = System.nanoTime();
            boolean countersDone = false;
            while ((handled < history.size() || !countersDone) && System.nanoTime() < deadline) {
                for (var r : progress.poll(Duration.ofMillis(500))) {
                    byKey.put(r.key(), JsonSerde.MAPPER.readTree(r.value()));
                }
                long accepted = sum(byKey, "partition-", "accepted");
                handled = sum(byKey, "partition-", "applied") + sum(byKey, "partition-", "rejected");
                long sent = sum(byKey, "partition-", "contributions");
                long counted = sum(byKey, "counters-", "counted");
                // Counters are final once every delta sent has been summed, after the last event is applied.
                countersDone = handled >= history.size() && counted >= sent;
                if (System.nanoTime() >= nextReport) {
                    System.out.printf("BENCH t=%.0fs accepted=%d applied=%d contributions=%d counted=%d%n",
                            (System.nanoTime() - s0) / 1e9, accepted, handled, sent, counted);
                    nextReport += Duration.ofSeconds(5).toNanos();
                }
            }
        } finally {
            broker.close();
        }
        double seconds = (System.nanoTime() - s0) / 1e9;
        System.out.printf("BENCH threads=%d partitions=%d openCases=%d subjects=%d events=%d handled=%d produce=%.1fs engine=%.1fs rate=%.0f events/s%n",
                threads, partitions, openCases, subjects, history.size(), handled, produceSeconds, seconds, handled / seconds);
    }

    private static long sum(Map<String, JsonNode> byKey, String prefix, String field) {
        return byKey.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().path(field).asLong()).sum();
    }
}
