package org.caseclock.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.KafkaStreams;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.config.EngineMetrics;
import org.caseclock.engine.store.JsonSerde;
import org.caseclock.engine.topology.EngineSettings;
import org.caseclock.engine.topology.EngineTopics;
import org.caseclock.engine.topology.EngineTopology;
import org.caseclock.events.contract.ValidationMark;
import org.caseclock.local.LocalKafkaBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The midnight wave: {@code bench.children} children on CIN plans (each with its RECURRING items
 * pending: visits, reviews, plans), of whom {@code bench.waveChildren} have their CIN4 visit go
 * overdue at the same London midnight, while live visits for other children arrive every
 * {@code bench.liveEveryMs}. The engine (KafkaStreams, RocksDB, exactly-once, as in
 * {@link EngineThroughputBenchmark}) runs on a clock shifted so that the state is built the
 * afternoon before and then set to three seconds before the midnight; nothing else falls due in
 * between (not the 1st of a month, no other midnight). Measured: seconds from the midnight until
 * every wave item is published OVERDUE ({@code flip_wave_100k_seconds}), and the p99 of the time
 * from producing a live visit to its item being published, over visits produced during the wave
 * ({@code live_delay_during_flip_wave_p99_ms}). Run on demand:
 *
 * <pre>./mvnw -pl services/engine -am test -Dengine.excludedGroups=none -Dgroups=benchmark \
 *     -Dtest=FlipWaveBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jvm=-Xmx4g \
 *     -Dbench.children=250000 -Dbench.waveChildren=100000 -Dbench.threads=2 -Dbench.partitions=6</pre>
 */
@Tag("benchmark")
class FlipWaveBenchmark {

    @Test
    void midnightWave() throws Exception {
        int children = Integer.getInteger("bench.children", 250_000);
        int wave = Integer.getInteger("bench.waveChildren", 100_000);
        int partitions = Integer.getInteger("bench.partitions", 6);
        int threads = Integer.getInteger("bench.threads", 2);
        long liveEveryMs = Long.getLong("bench.liveEveryMs", 20);
        // The midnight: the 15th of next month (never a month's turn), London time.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(15);
        Instant midnight = London.startOfDay(day);
        ShiftedTime clock = new ShiftedTime(midnight.minus(Duration.ofHours(12)));
        Optional<ValidationMark> mark = ValidationMark.of("benchmark key, as ingest and the engine would share");

        LocalKafkaBroker broker = LocalKafkaBroker.startTemporary().withTopics(partitions, EngineTopics.COMPLIANCE_ITEMS,
                EngineTopics.INDICATOR_VALUES, EngineTopics.ALERTS, EngineTopics.ENGINE_PROGRESS, EngineTopics.CONTRIBUTIONS,
                EngineTopics.CASE_EVENTS, EngineTopics.CASE_EVENTS_DLQ);
        String servers = broker.bootstrapServers();
        // The engine's clock is weeks ahead of the broker's, and so are the timestamps of what it
        // writes; Kafka refuses timestamps over an hour ahead unless told otherwise.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, ""), List.of(new AlterConfigOp(
                    new ConfigEntry("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE)),
                    AlterConfigOp.OpType.SET)))).all().get();
            List<ConfigResource> topics = List.of(EngineTopics.COMPLIANCE_ITEMS, EngineTopics.INDICATOR_VALUES,
                    EngineTopics.ALERTS, EngineTopics.ENGINE_PROGRESS, EngineTopics.CONTRIBUTIONS, EngineTopics.CASE_EVENTS,
                    EngineTopics.CASE_EVENTS_DLQ).stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> ops = new java.util.HashMap<>();
            topics.forEach(t -> ops.put(t, List.of(new AlterConfigOp(
                    new ConfigEntry("message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE)), AlterConfigOp.OpType.SET))));
            admin.incrementalAlterConfigs(ops).all().get();
        }
        Thread.sleep(3000); // the broker applies configuration asynchronously; a refused batch would be lost
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        // The state: a CIN plan per child, written an hour ago on the engine's clock (a back-fill).
        // Wave children's plans began 29 days before the midnight: CIN4 due 28 days on, overdue from the midnight.
        long written = clock.milliseconds() - Duration.ofHours(1).toMillis();
        for (int i = 0; i < children; i++) {
            boolean inWave = i < wave;
            Instant start = inWave ? midnight.minus(Duration.ofDays(29)).plus(Duration.ofHours(10))
                    : midnight.minus(Duration.ofDays(5 + i % 10)).plus(Duration.ofHours(10));
            send(producer, mark, child(i), event("plan-" + i, "CinPlanStarted", child(i), start, start, "planId", "P" + i), written);
        }
        producer.flush();

        EngineSettings settings = BenchEngine.settings();
        Properties props = BenchEngine.streams("flip-bench", servers, threads);

        Items items = new Items(wave);
        Thread reader = new Thread(() -> items.read(servers), "items-reader");
        long t0 = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(EngineTopology.build(settings, true, EngineMetrics.NONE, mark), props, clock)) {
            streams.start();
            reader.start();
            // Built once every child's CIN4 item is out and nothing has been published for 10 s (or for 20 s, whatever is out).
            while (items.cin4.isEmpty() || items.cin4.size() < children && System.nanoTime() - items.lastNanos.get() < Duration.ofSeconds(20).toNanos()
                    || System.nanoTime() - items.lastNanos.get() < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(500);
                if (System.nanoTime() - t0 > Duration.ofMinutes(60).toNanos()) {
                    throw new IllegalStateException("state not built in an hour: " + items.cin4.size() + " of " + children);
                }
            }
            if (items.cin4.size() < children) {
                throw new IllegalStateException("only " + items.cin4.size() + " of " + children + " children's CIN4 items came out");
            }
            long pending = items.pending();
            System.out.printf("FLIP state built in %.0fs: %d children, %d pending items, %d wave items%n",
                    (System.nanoTime() - t0) / 1e9, children, pending, wave);

            // Three seconds before the midnight, live visits start; the wave follows.
            clock.set(midnight.minusSeconds(3));
            long midnightNanos = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            AtomicBoolean stop = new AtomicBoolean();
            Thread visits = new Thread(() -> {
                for (int n = 0; !stop.get() && wave + n < children; n++) {
                    int i = wave + n;
                    Instant now = Instant.ofEpochMilli(clock.milliseconds());
                    items.sentNanos.put(child(i), System.nanoTime());
                    send(producer, mark, child(i), event("visit-" + i, "VisitRecorded", child(i), now.minusSeconds(60), now,
                            "visitId", "V" + i), now.toEpochMilli());
                    producer.flush();
                    try {
                        Thread.sleep(liveEveryMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "live-visits");
            visits.start();
            while (items.waveOverdue.get() < wave && System.nanoTime() - midnightNanos < Duration.ofMinutes(20).toNanos()) {
                Thread.sleep(50);
            }
            items.waveDoneNanos.compareAndSet(0, System.nanoTime()); // not all seen in 20 minutes: what was reached
            double waveSeconds = (items.waveDoneNanos.get() - midnightNanos) / 1e9;
            Thread.sleep(2000);
            stop.set(true);
            visits.join();
            List<Long> delays = items.delaysBetween(midnightNanos, items.waveDoneNanos.get());
            long p99 = delays.isEmpty() ? -1 : delays.get((int) Math.min(delays.size() - 1, Math.ceil(delays.size() * 0.99) - 1));
            System.out.printf("FLIP wave of %d visible %.1fs after midnight (%d overdue seen); live visits during it: %d, p99 %d ms, max %d ms%n",
                    wave, waveSeconds, items.waveOverdue.get(), delays.size(), p99, delays.isEmpty() ? -1 : delays.get(delays.size() - 1));
            BenchOut.append(
                    BenchOut.line("flip_wave_100k_seconds", waveSeconds, "s"),
                    BenchOut.line("live_delay_during_flip_wave_p99_ms", p99, "ms"),
                    BenchOut.line("flip_wave_size", wave, "items"),
                    BenchOut.line("flip_wave_pending_items", pending, "items"));
        } finally {
            items.stop.set(true);
            reader.join(10_000);
            producer.close();
            broker.close();
        }
    }

    private static String child(int i) {
        return "child/F" + i;
    }

    private static ObjectNode event(String id, String type, String subject, Instant time, Instant recorded, String field, String value) {
        ObjectNode e = JsonSerde.MAPPER.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", id);
        e.put("source", "bench");
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", time.toString());
        e.put("recordedat", recorded.toString());
        e.putObject("data").put(field, value);
        return e;
    }

    private static void send(KafkaProducer<String, byte[]> producer, Optional<ValidationMark> mark, String key, ObjectNode e,
                             long timestamp) {
        try {
            byte[] value = JsonSerde.MAPPER.writeValueAsBytes(e);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(EngineTopics.CASE_EVENTS, null, timestamp, key, value);
            mark.ifPresent(m -> record.headers().add(ValidationMark.HEADER, m.sign(value)));
            producer.send(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** What the engine has published on compliance-items (read committed), as the query side would see it. */
    private static final class Items {
        final int wave;
        final Map<String, String> cin4 = new ConcurrentHashMap<>();
        final Map<String, String> statuses = new ConcurrentHashMap<>();
        final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
        final List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong waveOverdue = new AtomicLong();
        final AtomicLong waveDoneNanos = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong(System.nanoTime());
        final AtomicBoolean stop = new AtomicBoolean();

        Items(int wave) {
            this.wave = wave;
        }

        void read(String servers) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "flip-items",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.subscribe(List.of(EngineTopics.COMPLIANCE_ITEMS));
                while (!stop.get()) {
                    for (var r : consumer.poll(Duration.ofMillis(50))) {
                        long at = System.nanoTime();
                        lastNanos.set(at);
                        if (r.value() == null) {
                            statuses.remove(r.key());
                            continue;
                        }
                        JsonNode item = JsonSerde.MAPPER.readTree(r.value());
                        String status = item.path("status").asText();
                        statuses.put(r.key(), status);
                        if (!item.path("code").asText().equals("CIN4")) {
                            continue;
                        }
                        String subject = item.path("subject").asText();
                        String before = cin4.put(subject, status);
                        int i = Integer.parseInt(subject.substring("child/F".length()));
                        if (i < wave && status.equals("OVERDUE") && !"OVERDUE".equals(before)
                                && waveOverdue.incrementAndGet() == wave) {
                            waveDoneNanos.set(at);
                        }
                        Long sent = i >= wave && !item.path("lastActivity").isNull() ? sentNanos.remove(subject) : null;
                        if (sent != null) {
                            seen.add(new long[] {sent, at - sent});
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        long pending() {
            return statuses.values().stream().filter(s -> s.equals("IN_TIME") || s.equals("DUE_SOON") || s.equals("PENDING")).count();
        }

        /** Delays (ms, sorted) of live visits produced between the two instants. */
        List<Long> delaysBetween(long fromNanos, long toNanos) {
            List<Long> out = new ArrayList<>();
            synchronized (seen) {
                for (long[] s : seen) {
                    if (s[0] >= fromNanos && s[0] <= toNanos) {
                        out.add(s[1] / 1_000_000);
                    }
                }
            }
            Collections.sort(out);
            return out;
        }
    }

    /** The system clock moved to a chosen instant, and moved again when told: the engine's wall clock. */
    private static final class ShiftedTime implements Time {
        private volatile long offsetMs;

        ShiftedTime(Instant start) {
            set(start);
        }

        void set(Instant now) {
            offsetMs = now.toEpochMilli() - System.currentTimeMillis();
        }

        @Override
        public long milliseconds() {
            return System.currentTimeMillis() + offsetMs;
        }

        @Override
        public long nanoseconds() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long ms) {
            Time.SYSTEM.sleep(ms);
        }

        @Override
        public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException {
            synchronized (obj) {
                while (!condition.get()) {
                    long left = deadlineMs - milliseconds();
                    if (left <= 0) {
                        throw new org.apache.kafka.common.errors.TimeoutException("condition not met before the deadline");
                    }
                    obj.wait(left);
                }
            }
        }
    }
}
