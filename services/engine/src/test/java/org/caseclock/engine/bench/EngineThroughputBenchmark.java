package org.caseclock.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.caseclock.engine.config.EngineMetrics;
import org.caseclock.engine.store.JsonSerde;
import org.caseclock.engine.topology.EngineSettings;
import org.caseclock.engine.topology.EngineTopics;
import org.caseclock.engine.topology.EngineTopology;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.contract.ValidationMark;
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
 * Then live evaluations: {@code bench.liveEvents} visits, one per child (cycling), recorded now,
 * produced at once and timed until all are applied; each is one evaluation of a subject that
 * already has its history and state (the steady state, where evaluation should cost what the new
 * event touches). Their records are stamped a minute ahead, so the burst counts as live traffic
 * rather than a backlog (which is put off and coalesced) while the engine works through it.
 * Records carry ingest's validation mark, as history sent through ingest would ({@code -Dbench.marked=false}:
 * none, so the engine validates each in full, as for a direct producer).
 * With {@code -Dbench.out=file.csv} the figures are appended to that file as {@code metric,value,unit}.
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
        // As ingest marks what it has validated (-Dbench.marked=false: as a direct producer, validated in full).
        Optional<ValidationMark> mark = Boolean.parseBoolean(System.getProperty("bench.marked", "true"))
                ? ValidationMark.of("benchmark key, as ingest and the engine would share") : Optional.empty();
        long p0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (CaseEvent e : history) {
                byte[] value = JsonSerde.MAPPER.writeValueAsBytes(e);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(EngineTopics.CASE_EVENTS, e.subject().toString(), value);
                mark.ifPresent(m -> record.headers().add(ValidationMark.HEADER, m.sign(value)));
                producer.send(record);
            }
        }
        double produceSeconds = (System.nanoTime() - p0) / 1e9;

        EngineSettings settings = BenchEngine.settings();
        Properties props = BenchEngine.streams("bench", servers, threads);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EngineMetrics metrics = new EngineMetrics(registry);
        int liveEvents = Integer.getInteger("bench.liveEvents", 20_000);
        List<String> children = history.stream().map(e -> e.subject().toString()).filter(k -> k.startsWith("child/"))
                .distinct().toList();
        long s0 = System.nanoTime();
        long handled = 0;
        double seconds;
        double liveSeconds;
        double evaluationSeconds;
        long backfillEvaluations;
        try (KafkaStreams streams = new KafkaStreams(EngineTopology.build(settings, true, metrics, mark), props);
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
            double firstEvaluation = -1;
            double lastEvaluation = 0;
            double evaluated = 0;
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
                double t = (System.nanoTime() - s0) / 1e9;
                double evaluatedNow = registry.counter("caseclock.engine.punctuation.subjects").count();
                if (evaluatedNow > evaluated) {
                    firstEvaluation = firstEvaluation < 0 ? t : firstEvaluation;
                    lastEvaluation = t;
                    evaluated = evaluatedNow;
                }
                if (System.nanoTime() >= nextReport) {
                    System.out.printf("BENCH t=%.0fs accepted=%d applied=%d contributions=%d counted=%d evaluated=%.0f%n",
                            t, accepted, handled, sent, counted, evaluatedNow);
                    nextReport += Duration.ofSeconds(5).toNanos();
                }
            }
            seconds = (System.nanoTime() - s0) / 1e9;
            backfillEvaluations = (long) evaluated;
            evaluationSeconds = lastEvaluation - firstEvaluation;

            long l0 = System.nanoTime();
            deadline = l0 + Duration.ofMinutes(10).toNanos();
            produceLive(servers, children, liveEvents, mark);
            long target = history.size() + liveEvents;
            while (handled < target && System.nanoTime() < deadline) {
                for (var r : progress.poll(Duration.ofMillis(100))) {
                    byKey.put(r.key(), JsonSerde.MAPPER.readTree(r.value()));
                }
                handled = sum(byKey, "partition-", "applied") + sum(byKey, "partition-", "rejected");
            }
            liveSeconds = (System.nanoTime() - l0) / 1e9;
            System.out.printf("BENCH live events=%d applied=%d in %.1fs%n", liveEvents, handled - history.size(), liveSeconds);
        } finally {
            broker.close();
        }
        long backfilled = history.size();
        System.out.printf("BENCH threads=%d partitions=%d openCases=%d subjects=%d events=%d produce=%.1fs engine=%.1fs rate=%.0f events/s"
                        + " back-fill evaluations=%d in %.1fs (%.0f/s) live evaluations=%.0f/s%n",
                threads, partitions, openCases, subjects, backfilled, produceSeconds, seconds, backfilled / seconds,
                backfillEvaluations, evaluationSeconds, backfillEvaluations / evaluationSeconds, liveEvents / liveSeconds);
        BenchOut.append(
                BenchOut.line("engine_backfill_events_per_s", backfilled / seconds, "events/s"),
                BenchOut.line("backfill_subject_evaluations_per_s", backfillEvaluations / evaluationSeconds, "evaluations/s"),
                BenchOut.line("subject_evaluations_per_s", liveEvents / liveSeconds, "evaluations/s"));
    }

    /** One visit per child in turn (several per child past the first round), dated a minute ago, recorded now. */
    private static void produceLive(String servers, List<String> children, int n, Optional<ValidationMark> mark) throws Exception {
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < n; i++) {
                String child = children.get(i % children.size());
                ObjectNode e = JsonSerde.MAPPER.createObjectNode();
                e.put("specversion", "1.0");
                e.put("id", "bench-live-" + i);
                e.put("source", "bench");
                e.put("type", "VisitRecorded");
                e.put("subject", child);
                e.put("time", now.minusSeconds(60).toString());
                e.put("recordedat", now.toString());
                e.putObject("data").put("visitId", "bench-visit-" + i);
                byte[] value = JsonSerde.MAPPER.writeValueAsBytes(e);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(EngineTopics.CASE_EVENTS, null,
                        now.plusSeconds(60).toEpochMilli(), child, value);
                mark.ifPresent(m -> record.headers().add(ValidationMark.HEADER, m.sign(value)));
                producer.send(record);
            }
        }
    }

    private static long sum(Map<String, JsonNode> byKey, String prefix, String field) {
        return byKey.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().path(field).asLong()).sum();
    }
}
