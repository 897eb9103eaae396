package org.caseclock.engine.topology;

import org.caseclock.events.out.IndicatorValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.config.EngineMetrics;
import org.caseclock.events.out.Alert;
import org.caseclock.engine.store.JsonSerde;
import org.caseclock.events.out.Progress;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.OutputSchemas;

/**
 * The engine under TopologyTestDriver with a fixed wall clock: send events, advance the clock,
 * and read back the latest item per key, counter per key, alerts and dead letters.
 * Public, and packaged in the engine's test jar, so that other modules' tests (feeds) judge their
 * events with the same engine and clock.
 */
public final class EngineHarness implements AutoCloseable {

    /** The default of {@code caseclock.engine.alert-horizon}. */
    static final Duration ALERT_HORIZON = Duration.ofDays(7);

    static final Organisation ORG = new Organisation(Map.of(
            "T1", "FAM", "T2", "FAM", "CLA1", "CIC", "MASH", "FRONT"));

    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> input;
    // Read as bytes and checked against the output contract's schemas (schemas/out) before they are read as records.
    private final TestOutputTopic<String, byte[]> itemsOut;
    private final TestOutputTopic<String, byte[]> valuesOut;
    private final TestOutputTopic<String, byte[]> alertsOut;
    private final TestOutputTopic<byte[], byte[]> dlqOut;
    private final TestOutputTopic<String, byte[]> progressOut;
    private final Map<String, Progress> progress = new HashMap<>();
    private final Map<String, ComplianceItem> items = new LinkedHashMap<>();
    private final Map<String, IndicatorValue> values = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<TestRecord<byte[], byte[]>> dead = new ArrayList<>();
    private int sequence;
    private Instant wallClock;

    public EngineHarness(String wallClock) {
        this(wallClock, Catalogue.defaults());
    }

    EngineHarness(String wallClock, Catalogue catalogue) {
        this(wallClock, catalogue, EngineSettings.Load.DEFAULT);
    }

    EngineHarness(String wallClock, EngineSettings.Load load) {
        this(wallClock, Catalogue.defaults(), load);
    }

    EngineHarness(String wallClock, EngineMetrics metrics) {
        this(wallClock, Catalogue.defaults(), EngineSettings.Load.DEFAULT, metrics);
    }

    private EngineHarness(String wallClock, Catalogue catalogue, EngineSettings.Load load) {
        this(wallClock, catalogue, load, EngineMetrics.NONE);
    }

    private EngineHarness(String wallClock, Catalogue catalogue, EngineSettings.Load load, EngineMetrics metrics) {
        this.wallClock = Instant.parse(wallClock);
        EngineSettings settings = new EngineSettings(catalogue, ORG, WorkingCalendar.englandAndWales(),
                Duration.ofSeconds(1), 25, EngineSettings.alertingOf(catalogue, Set.of()), ALERT_HORIZON, load);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "engine-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("engine-ttd").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(EngineTopology.build(settings, false, metrics), props, this.wallClock);
        input = driver.createInputTopic(EngineTopics.CASE_EVENTS, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        itemsOut = driver.createOutputTopic(EngineTopics.COMPLIANCE_ITEMS, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        valuesOut = driver.createOutputTopic(EngineTopics.INDICATOR_VALUES, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        alertsOut = driver.createOutputTopic(EngineTopics.ALERTS, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        dlqOut = driver.createOutputTopic(EngineTopics.CASE_EVENTS_DLQ, Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        progressOut = driver.createOutputTopic(EngineTopics.ENGINE_PROGRESS, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    /** A new event; {@code time} is an RFC 3339 instant, data as alternating field names and values. */
    Event event(String subject, String type, String time, Object... data) {
        ObjectNode node = JsonSerde.MAPPER.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", "ev-" + (++sequence));
        node.put("source", "test");
        node.put("type", type);
        node.put("subject", subject);
        node.put("time", time);
        node.put("recordedat", time);
        ObjectNode d = node.putObject("data");
        for (int i = 0; i < data.length; i += 2) {
            Object v = data[i + 1];
            if (v == null) {
                d.putNull((String) data[i]);
            } else if (v instanceof Boolean b) {
                d.put((String) data[i], b);
            } else {
                d.put((String) data[i], v.toString());
            }
        }
        return new Event(node);
    }

    /** Shorthand: build and send. Returns the event id. */
    String send(String subject, String type, String time, Object... data) {
        Event e = event(subject, type, time, data);
        e.send();
        return e.id();
    }

    final class Event {
        private final ObjectNode node;

        Event(ObjectNode node) {
            this.node = node;
        }

        Event id(String id) {
            node.put("id", id);
            return this;
        }

        /** Leaves the data member out altogether, as CloudEvents 1.0 allows. */
        Event withoutData() {
            node.remove("data");
            return this;
        }

        Event recordedAt(String at) {
            node.put("recordedat", at);
            return this;
        }

        /** Sends it as a record written to the topic at {@code at}, e.g. long ago, as in a back-fill. */
        String sendWrittenAt(String at) {
            input.pipeInput(new TestRecord<>(node.get("subject").asText().getBytes(StandardCharsets.UTF_8),
                    node.toString().getBytes(StandardCharsets.UTF_8), Instant.parse(at)));
            drain();
            return id();
        }

        String id() {
            return node.get("id").asText();
        }

        String send() {
            sendRaw(node.get("subject").asText(), node.toString());
            return id();
        }
    }

    public void sendRaw(String key, String json) {
        input.pipeInput(new TestRecord<>(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8), wallClock));
        drain();
    }

    /** Sends a raw record as written to the topic at {@code at}: before now - 5 s it is a backlog. */
    void sendRawWrittenAt(String key, String json, Instant at) {
        input.pipeInput(new TestRecord<>(key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), at));
        drain();
    }

    /** Moves the wall clock on, running the punctuators as a real clock would. */
    void advance(Duration d) {
        wallClock = wallClock.plus(d);
        driver.advanceWallClockTime(d);
        drain();
    }

    public void advanceTo(String instant) {
        advance(Duration.between(wallClock, Instant.parse(instant)));
    }

    private void drain() {
        for (var kv : itemsOut.readKeyValuesToList()) {
            if (kv.value == null) {
                items.remove(kv.key);
            } else {
                items.put(kv.key, OutputSchemas.read(ComplianceItem.class, kv.value));
            }
        }
        for (var kv : valuesOut.readKeyValuesToList()) {
            values.put(kv.key, OutputSchemas.read(IndicatorValue.class, kv.value));
        }
        alertsOut.readValuesToList().forEach(v -> alerts.add(OutputSchemas.read(Alert.class, v)));
        dead.addAll(dlqOut.readRecordsToList());
        progressOut.readKeyValuesToList().forEach(kv -> progress.put(kv.key, OutputSchemas.read(Progress.class, kv.value)));
    }

    /** The subject tasks' applied count as last published on engine-progress (at a punctuation). */
    long applied() {
        return progress.entrySet().stream().filter(e -> e.getKey().startsWith("partition-"))
                .mapToLong(e -> e.getValue().applied()).sum();
    }

    /** The item of a snapshot rule (its id is the code), or null if the subject is not in the population. */
    public ComplianceItem item(String subject, String code) {
        return items.get(subject + "|" + code + "|" + code);
    }

    ComplianceItem item(String subject, String code, String itemId) {
        return items.get(subject + "|" + code + "|" + itemId);
    }

    public List<ComplianceItem> items(String subject, String code) {
        return items.values().stream().filter(i -> i.subject().equals(subject) && i.code().equals(code)).toList();
    }

    IndicatorValue value(String code, String scope, String period) {
        return values.get(code + "|" + scope + "|" + period);
    }

    /** {numerator, denominator} for brevity in assertions; {0, 0} when nothing was ever published. */
    public long[] tally(String code, String scope, String period) {
        IndicatorValue v = value(code, scope, period);
        return v == null ? new long[] {0, 0} : new long[] {v.numerator(), v.denominator()};
    }

    List<Alert> alerts() {
        return alerts;
    }

    public List<TestRecord<byte[], byte[]>> deadLetters() {
        return dead;
    }

    public Map<String, ComplianceItem> allItems() {
        return items;
    }

    Map<String, IndicatorValue> allValues() {
        return values;
    }

    Instant wallClock() {
        return wallClock;
    }

    @Override
    public void close() {
        driver.close();
    }
}
