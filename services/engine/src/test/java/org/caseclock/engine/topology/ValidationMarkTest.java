package org.caseclock.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.config.EngineMetrics;
import org.caseclock.events.contract.ValidationMark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records ingest has validated carry its mark, and the engine only binds them; anything else on
 * the topic, a direct producer's record or one with a mark made under another key, is validated in
 * full, so the JSON Schemas cannot be skipped by writing to the topic.
 */
class ValidationMarkTest {

    private static final String NOW = "2026-01-20T12:00:00Z";
    private static final ValidationMark INGEST = ValidationMark.of("the key ingest and the engine share").orElseThrow();
    private static final ValidationMark FORGER = ValidationMark.of("a key somebody else made up").orElseThrow();
    /** A CIN plan with no planId: valid JSON that its schema rejects. */
    private static final String NO_PLAN_ID = event("CinPlanStarted", "{}");

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<byte[], byte[]> dlq;
    private TestOutputTopic<String, String> items;

    @BeforeEach
    void engineWithTheSharedKey() throws Exception {
        Catalogue catalogue = Catalogue.defaults();
        EngineSettings settings = new EngineSettings(catalogue, EngineHarness.ORG, WorkingCalendar.englandAndWales(),
                Duration.ofSeconds(1), 25, EngineSettings.alertingOf(catalogue, Set.of()), EngineHarness.ALERT_HORIZON,
                EngineSettings.Load.DEFAULT);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "mark-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("mark-ttd").toString());
        driver = new TopologyTestDriver(EngineTopology.build(settings, false, EngineMetrics.NONE, Optional.of(INGEST)),
                props, Instant.parse(NOW));
        input = driver.createInputTopic(EngineTopics.CASE_EVENTS, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        dlq = driver.createOutputTopic(EngineTopics.CASE_EVENTS_DLQ, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
        items = driver.createOutputTopic(EngineTopics.COMPLIANCE_ITEMS, Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void givenAnEventIngestMarked_whenItReachesTheEngine_thenItIsAppliedAndNothingIsRejected() {
        send(event("CinPlanStarted", "{\"planId\": \"P1\"}"), INGEST);
        assertThat(items.readKeyValuesToMap()).containsKey("child/C1|CIN4|CIN4");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void givenARecordADirectProducerWroteWithoutAMark_whenItBreaksItsSchema_thenItGoesToTheDlq() {
        send(NO_PLAN_ID, null);
        assertThat(dlq.readRecordsToList()).hasSize(1);
        assertThat(items.isEmpty()).isTrue();
    }

    @Test
    void givenARecordMarkedUnderAnotherKey_whenItBreaksItsSchema_thenItIsValidatedInFullAndGoesToTheDlq() {
        send(NO_PLAN_ID, FORGER);
        assertThat(dlq.readRecordsToList()).hasSize(1);
        assertThat(items.isEmpty()).isTrue();
    }

    @Test
    void givenAMarkCopiedFromAnotherEvent_whenTheValueDiffers_thenTheRecordIsValidatedInFull() {
        byte[] copied = INGEST.sign(event("CinPlanStarted", "{\"planId\": \"P1\"}").getBytes(StandardCharsets.UTF_8));
        RecordHeaders headers = new RecordHeaders();
        headers.add(ValidationMark.HEADER, copied);
        input.pipeInput(new TestRecord<>("child/C1".getBytes(StandardCharsets.UTF_8),
                NO_PLAN_ID.getBytes(StandardCharsets.UTF_8), headers, Instant.parse(NOW)));
        assertThat(dlq.readRecordsToList()).hasSize(1);
    }

    private void send(String json, ValidationMark markedBy) {
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        if (markedBy != null) {
            headers.add(ValidationMark.HEADER, markedBy.sign(value));
        }
        input.pipeInput(new TestRecord<>("child/C1".getBytes(StandardCharsets.UTF_8), value, headers, Instant.parse(NOW)));
    }

    private static String event(String type, String data) {
        return "{\"specversion\": \"1.0\", \"id\": \"e1\", \"source\": \"test\", \"type\": \"" + type + "\","
                + " \"subject\": \"child/C1\", \"time\": \"2026-01-05T10:00:00Z\", \"recordedat\": \"2026-01-05T10:00:00Z\","
                + " \"data\": " + data + "}";
    }
}
