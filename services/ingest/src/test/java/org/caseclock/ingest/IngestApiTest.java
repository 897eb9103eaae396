package org.caseclock.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.caseclock.events.contract.RandomEvents;
import org.caseclock.events.Topics;
import org.caseclock.ingest.CaseEventsReader.Stored;
import org.caseclock.ingest.IngestClient.Answer;
import org.caseclock.local.LocalKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"caseclock.topics.partitions=3"})
@AutoConfigureMetrics
@DirtiesContext
class IngestApiTest {

    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    private static final String CLOUDEVENT = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    MeterRegistry meters;

    IngestClient ingest;

    @BeforeEach
    void client() {
        ingest = new IngestClient(port);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private double accepted() {
        return meters.counter("caseclock.ingest.events.accepted").count();
    }

    private double rejected(String reason) {
        return meters.counter("caseclock.ingest.events.rejected", "reason", reason).count();
    }

    @Test
    void a_valid_event_is_accepted_and_stored_in_case_events_keyed_by_subject_with_recordedat_filled_in() {
        // Given a valid CloudEvent without recordedat
        String id = id();

        // When it is posted
        Answer answer = ingest.post(CLOUDEVENT, IngestClient.visit(id, "child/C104233"));

        // Then it is accepted
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().toString()).isEqualTo("{\"accepted\":1,\"rejected\":[]}");

        // And it is in case-events, keyed by subject, stamped with the time it was received
        Stored stored = CaseEventsReader.read(bootstrap, Set.of(id)).get(id);
        assertThat(stored).isNotNull();
        assertThat(stored.key()).isEqualTo("child/C104233");
        assertThat(stored.value().path("type").asText()).isEqualTo("VisitRecorded");
        assertThat(stored.value().path("data").path("visitId").asText()).isEqualTo("V1");
        assertThat(stored.value().path("recordedat").asText()).endsWith("Z").isNotEmpty();
    }

    @Test
    void a_batch_accepts_every_good_event_and_reports_each_bad_one_by_index_with_the_field() {
        // Given a batch mixing good and bad events
        String good1 = id();
        String good2 = id();
        String batch = "[" + String.join(",",
                IngestClient.visit(good1, "child/C1"),
                IngestClient.event("b1", "VisitRecorded", "child/C1", "{\"childSeen\":true}"),
                IngestClient.event(good2, "CaseAllocated", "carer/F1", "{\"team\":\"T1\",\"worker\":null}"),
                IngestClient.event("b3", "ContactDecided", "child/C1", "{\"contactId\":\"K1\",\"outcome\":\"MAYBE\"}"),
                IngestClient.event("b4", "CarerVisited", "child/C1", "{}")) + "]";

        // When it is posted
        Answer answer = ingest.post(BATCH, batch);

        // Then the good ones are accepted and stored, and each bad one is named with its reason
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.body().path("rejected").toString()).isEqualTo("["
                + "{\"index\":1,\"id\":\"b1\",\"error\":\"data.visitId is required\"},"
                + "{\"index\":3,\"id\":\"b3\",\"error\":\"data.outcome must be one of [NFA, ADVICE, EARLY_HELP, REFERRAL]\"},"
                + "{\"index\":4,\"id\":\"b4\",\"error\":\"subject must match child/{id} or carer/{id} (a carer type cannot be about a child)\"}]");
        Map<String, Stored> stored = CaseEventsReader.read(bootstrap, Set.of(good1, good2));
        assertThat(stored).containsOnlyKeys(good1, good2);
        assertThat(stored.get(good2).key()).isEqualTo("carer/F1");

        // And each bad one is in the dead-letter topic as sent, its reason in the header (so /api/status counts it)
        Map<String, Stored> dead = CaseEventsReader.read(bootstrap, Topics.CASE_EVENTS_DLQ, Set.of("b1", "b3", "b4"));
        assertThat(dead).containsOnlyKeys("b1", "b3", "b4");
        assertThat(dead.get("b1").error()).isEqualTo("data.visitId is required");
        assertThat(dead.get("b3").value().path("data").path("outcome").asText()).isEqualTo("MAYBE");
    }

    @Test
    void in_a_batch_of_random_events_every_well_formed_one_is_stored_and_each_broken_one_is_rejected_naming_its_field() {
        // Given 300 random well-formed events of every type and 60 each broken in one field
        // (RandomEvents, from the schemas), shuffled together with a fixed seed
        Random random = new Random(20261207);
        Instant now = Instant.now();
        List<Object> batch = new ArrayList<>();
        Set<String> validIds = new HashSet<>();
        // Outside a jqwik property the generators need a session of their own.
        JqwikSession.start();
        try {
            RandomGenerator<ObjectNode> valid = RandomEvents.valid(now).generator(1000);
            RandomGenerator<RandomEvents.Corrupted> broken = RandomEvents.corrupted(now).generator(1000);
            for (int i = 0; i < 300; i++) {
                ObjectNode event = valid.next(random).value();
                event.put("id", "ok-" + i + "-" + id()); // unique, so that each can be found in case-events
                validIds.add(event.path("id").asText());
                batch.add(event);
            }
            for (int i = 0; i < 60; i++) {
                batch.add(broken.next(random).value());
            }
        } finally {
            JqwikSession.finish();
        }
        Collections.shuffle(batch, random);
        String body = batch.stream().map(e -> e instanceof RandomEvents.Corrupted c ? c.event().toString() : e.toString())
                .collect(Collectors.joining(",", "[", "]"));

        // When they are posted as one batch
        Answer answer = ingest.post(BATCH, body);

        // Then every well-formed one is accepted and in case-events
        assertThat(answer.body().path("accepted").asInt()).as(answer.body().toString()).isEqualTo(300);
        assertThat(CaseEventsReader.read(bootstrap, validIds)).containsOnlyKeys(validIds);

        // And each broken one is rejected at its index, with a message naming the broken field
        Map<Integer, String> errors = new HashMap<>();
        answer.body().path("rejected").forEach(r -> errors.put(r.path("index").asInt(), r.path("error").asText()));
        assertThat(errors).hasSize(60);
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) instanceof RandomEvents.Corrupted c) {
                assertThat(errors.get(i)).as(c.toString()).contains(c.field());
            }
        }
    }

    /** EVENTS.md v1.1 and CloudEvents 1.0: data is optional for a type with no required field, read as {}. */
    @Test
    void an_event_of_a_type_with_no_required_field_is_accepted_without_data_and_stored_with_empty_data() {
        // Given events without a data member: two child types, a carer type, and a VisitRecorded (visitId required)
        String dental = id();
        String supervision = id();
        String carer = id();
        String batch = "[" + String.join(",",
                IngestClient.withoutData(dental, "DentalCheckCompleted", "child/C1"),
                IngestClient.withoutData(supervision, "SupervisionRecorded", "child/C1"),
                IngestClient.withoutData(carer, "CarerReviewed", "carer/F1"),
                IngestClient.withoutData("v1", "VisitRecorded", "child/C1")) + "]";

        // When they are posted
        Answer answer = ingest.post(BATCH, batch);

        // Then the three are accepted and stored with data {}, and the visit is rejected naming its field
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().toString()).isEqualTo("{\"accepted\":3,\"rejected\":"
                + "[{\"index\":3,\"id\":\"v1\",\"error\":\"data.visitId is required\"}]}");
        Map<String, Stored> stored = CaseEventsReader.read(bootstrap, Set.of(dental, supervision, carer));
        assertThat(stored).containsOnlyKeys(dental, supervision, carer);
        assertThat(stored.get(carer).value().path("data").toString()).isEqualTo("{}");
    }

    @Test
    void plain_application_json_takes_one_event_or_an_array_of_them() {
        Answer single = ingest.post(JSON, IngestClient.visit(id(), "child/C1"));
        Answer array = ingest.post(JSON, "[" + IngestClient.visit(id(), "child/C1") + "," + IngestClient.visit(id(), "child/C2") + "]");

        assertThat(single.status()).isEqualTo(202);
        assertThat(single.body().path("accepted").asInt()).isEqualTo(1);
        assertThat(array.status()).isEqualTo(202);
        assertThat(array.body().path("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void ndjson_with_a_line_that_is_not_json_rejects_only_that_line_and_ignores_blank_lines() {
        // Given NDJSON with a broken line between two good ones, blank lines and CRLF endings
        String good1 = id();
        String good2 = id();
        String body = IngestClient.visit(good1, "child/C1") + "\r\n"
                + "\n"
                + "{\"specversion\": \"1.0\", \"id\": \"cut-off\r\n"
                + "   \n"
                + IngestClient.visit(good2, "child/C2") + "\n";

        // When it is posted
        Answer answer = ingest.post(NDJSON, body);

        // Then the two good events are accepted and the broken line, the second event, is rejected
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().path("accepted").asInt()).isEqualTo(2);
        JsonNode rejected = answer.body().path("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).path("id").isNull()).isTrue();
        assertThat(rejected.get(0).path("error").asText()).startsWith("not valid JSON: ");
        assertThat(CaseEventsReader.read(bootstrap, Set.of(good1, good2))).containsOnlyKeys(good1, good2);
    }

    @Test
    void when_nothing_is_accepted_the_answer_is_400_with_the_same_body() {
        String batch = "[" + IngestClient.event("x1", "Foo", "child/C1", "{}") + ","
                + IngestClient.visit("x2", "child/C1").replace("\"1.0\"", "\"2.0\"") + "]";

        Answer answer = ingest.post(BATCH, batch);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).isEqualTo("{\"accepted\":0,\"rejected\":["
                + "{\"index\":0,\"id\":\"x1\",\"error\":\"type is not a known event type: Foo\"},"
                + "{\"index\":1,\"id\":\"x2\",\"error\":\"specversion must be \\\"1.0\\\"\"}]}");
    }

    @Test
    void a_body_that_is_not_json_is_one_rejected_event_and_answers_400() {
        Answer answer = ingest.post(CLOUDEVENT, "this is not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("rejected").get(0).path("index").asInt()).isZero();
        assertThat(answer.body().path("rejected").get(0).path("error").asText()).startsWith("not valid JSON: ");
    }

    @Test
    void an_empty_batch_answers_400() {
        assertThat(ingest.post(BATCH, "[]").status()).isEqualTo(400);
        assertThat(ingest.post(BATCH, "[]").body().toString()).isEqualTo("{\"accepted\":0,\"rejected\":[]}");
        assertThat(ingest.post(NDJSON, "\n\n").status()).isEqualTo(400);
    }

    @Test
    void a_request_of_10000_events_is_within_the_limit_and_10001_is_413() {
        String tenThousand = "{}\n".repeat(10_000);

        Answer atLimit = ingest.post(NDJSON, tenThousand);
        Answer overLimit = ingest.post(NDJSON, tenThousand + "{}\n");

        assertThat(atLimit.status()).isEqualTo(400);
        assertThat(atLimit.body().path("rejected")).hasSize(10_000);
        assertThat(overLimit.status()).isEqualTo(413);
        assertThat(overLimit.body().path("error").asText()).contains("10000 events", "16 MiB");
    }

    @Test
    void a_body_over_16_mib_is_413() {
        byte[] body = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        assertThat(ingest.post(JSON, body).status()).isEqualTo(413);
    }

    @Test
    void a_content_type_that_is_not_json_or_ndjson_is_415() {
        assertThat(ingest.post("text/plain", IngestClient.visit(id(), "child/C1")).status()).isEqualTo(415);
    }

    @Test
    void the_same_id_twice_in_one_batch_is_accepted_twice_because_the_engine_deduplicates() {
        String id = id();

        Answer answer = ingest.post(BATCH, "[" + IngestClient.visit(id, "child/C1") + "," + IngestClient.visit(id, "child/C1") + "]");

        assertThat(answer.body().path("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void accepted_and_rejected_events_are_counted_with_a_bounded_reason_and_exposed_to_prometheus() {
        // Given the counters before
        double acceptedBefore = accepted();
        double missingBefore = rejected("missing_field");
        double notJsonBefore = rejected("not_json");

        // When a request with one good event, one missing a field and one broken line is posted
        String body = IngestClient.visit(id(), "child/C1") + "\n"
                + IngestClient.event("m1", "VisitRecorded", "child/C1", "{}") + "\n"
                + "{{\n";
        assertThat(ingest.post(NDJSON, body).status()).isEqualTo(202);

        // Then each is counted once under its category
        assertThat(accepted() - acceptedBefore).isEqualTo(1);
        assertThat(rejected("missing_field") - missingBefore).isEqualTo(1);
        assertThat(rejected("not_json") - notJsonBefore).isEqualTo(1);
        assertThat(ingest.get("/actuator/prometheus")).contains(
                "caseclock_ingest_events_accepted_total",
                "caseclock_ingest_events_rejected_total{application=\"caseclock-ingest\",reason=\"missing_field\"}",
                "caseclock_ingest_request_seconds_count{application=\"caseclock-ingest\",outcome=\"accepted\"}");
    }

    @Test
    void liveness_and_readiness_probes_are_up() {
        assertThat(ingest.get("/actuator/health/liveness")).contains("\"UP\"");
        assertThat(ingest.get("/actuator/health/readiness")).contains("\"UP\"");
    }
}
