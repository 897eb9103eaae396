package org.caseclock.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.events.Topics;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.SimulatorConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The baseline the engine's back-fill is held against: the same seed-42 history the engine
 * benchmark produces ({@code bench.openCases} open cases, {@code bench.partitions} partitions of
 * {@code case-events}, on the in-process KRaft broker), read back by one plain
 * {@link KafkaConsumer} (read_committed, bytes, nothing done with them). Its rate is the most any
 * consumer of that topic on this machine could do. Run by the top-level {@code bench} script.
 */
@Tag("benchmark")
class RawConsumeBenchmark {

    @Test
    void rawConsume() throws Exception {
        int openCases = Integer.getInteger("bench.openCases", 3000);
        int partitions = Integer.getInteger("bench.partitions", 6);
        List<CaseEvent> history = new Simulator(SimulatorConfig.defaults(42, Instant.now()).withOpenCases(openCases))
                .history().toList();
        try (LocalKafkaBroker broker = LocalKafkaBroker.startTemporary().withTopics(partitions, Topics.CASE_EVENTS)) {
            String servers = broker.bootstrapServers();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
                for (CaseEvent e : history) {
                    producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, e.subject().toString(),
                            EventJson.mapper().writeValueAsBytes(e)));
                }
            }
            long read = 0;
            long t0 = System.nanoTime();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                // Assigned, not subscribed: the figure is reading, not a group's join.
                consumer.assign(IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(Topics.CASE_EVENTS, p)).toList());
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (read < history.size() && System.nanoTime() < deadline) {
                    read += consumer.poll(Duration.ofMillis(200)).count();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("BENCH raw consume: openCases=%d partitions=%d events=%d read=%d in %.2f s%n",
                    openCases, partitions, history.size(), read, seconds);
            if (read < history.size()) {
                throw new AssertionError("read " + read + " of " + history.size() + " records in 5 minutes");
            }
            BenchOut.figure("raw_consume_events_per_s", read / seconds, "events/s");
        }
    }
}
