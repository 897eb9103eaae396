package org.caseclock.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.topology.EngineSettings;
import org.caseclock.engine.topology.EngineTopology;
import org.caseclock.events.Topics;

/**
 * The real engine topology under TopologyTestDriver with a wall clock the test moves: events in,
 * the alert records it publishes out, as the exact key and JSON it would put on {@code alerts}.
 */
final class EngineRun implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> events;
    private final TestOutputTopic<String, String> alerts;
    private Instant wallClock;
    private int sequence;

    EngineRun(String wallClock) {
        this.wallClock = Instant.parse(wallClock);
        Catalogue catalogue = Catalogue.defaults();
        EngineSettings settings = new EngineSettings(catalogue, new Organisation(Map.of()), WorkingCalendar.englandAndWales(),
                Duration.ofSeconds(1), 25, EngineSettings.alertingOf(catalogue, Set.of()), Duration.ofDays(7),
                EngineSettings.Load.DEFAULT);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test-engine");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("engine-run").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(EngineTopology.build(settings), props, this.wallClock);
        events = driver.createInputTopic(Topics.CASE_EVENTS, new StringSerializer(), new StringSerializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), new StringDeserializer());
    }

    /** Sends one CloudEvent; {@code data} as alternating field names and values. */
    void send(String subject, String type, String time, String... data) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", "ev-" + (++sequence)).put("source", "test")
                .put("type", type).put("subject", subject).put("time", time).put("recordedat", time);
        ObjectNode d = event.putObject("data");
        for (int i = 0; i < data.length; i += 2) {
            d.put(data[i], data[i + 1]);
        }
        events.pipeInput(subject, event.toString(), wallClock);
    }

    /** Moves the wall clock on, running the engine's punctuators as a real clock would. */
    void advanceTo(String instant) {
        Duration by = Duration.between(wallClock, Instant.parse(instant));
        wallClock = wallClock.plus(by);
        driver.advanceWallClockTime(by);
    }

    /** The alert records published since the last call. */
    List<KeyValue<String, String>> alerts() {
        return alerts.readKeyValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
