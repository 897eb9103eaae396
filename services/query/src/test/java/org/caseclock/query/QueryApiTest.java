package org.caseclock.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.caseclock.query.EngineOutput.alert;
import static org.caseclock.query.EngineOutput.item;
import static org.caseclock.query.EngineOutput.progress;
import static org.caseclock.query.EngineOutput.projected;
import static org.caseclock.query.EngineOutput.recurring;
import static org.caseclock.query.EngineOutput.running;
import static org.caseclock.query.EngineOutput.tombstone;
import static org.caseclock.query.EngineOutput.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.caseclock.events.Topics;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.local.LocalMongoServer;
import org.caseclock.query.EngineOutput.Rec;
import org.caseclock.query.kafka.ConsumerLag;
import org.caseclock.query.store.AlertStore;
import org.caseclock.query.store.DeliveryStore;
import org.caseclock.query.store.ItemStore;
import org.caseclock.query.store.ProgressStore;
import org.caseclock.query.store.ValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service against a real (embedded, KRaft) broker and the Mongo stand-in through the
 * real driver. Records are produced as the engine produces them, in transactions, with the JSON
 * of docs/engine.md; every expected number is worked out by hand in the comments.
 * "Now" is fixed at Tuesday 2026-02-03 10:15 London (GMT), so the current month is 2026-02.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "caseclock.organisation.teams.T1=FAM",
        "caseclock.organisation.teams.T2=FAM",
        "caseclock.organisation.teams.T3=CLA",
        // v1.1: a team holding the figures of the new kinds, with a configured child population (RATE)
        "caseclock.organisation.teams.T4=CIC",
        "caseclock.organisation.child-populations.[team/T4]=5000",
        "caseclock.catalogue.overrides=src/test/resources/comparators-overrides.yaml",
        "caseclock.query.heartbeat=1s",
        // As the all-in-one app sets them when an SSD extract feeds it.
        "caseclock.query.not-available.codes=CLA28,QA6",
        "caseclock.query.not-available.reason=not available from an SSD extract"})
@AutoConfigureMetrics
@DirtiesContext
@AutoConfigureTestRestTemplate
class QueryApiTest {

    static final Instant NOW = Instant.parse("2026-02-03T10:15:00Z");
    static final List<String> ENGINE_TOPICS =
            List.of(Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES, Topics.ALERTS, Topics.ENGINE_PROGRESS);
    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary().withTopics(2,
            Topics.CASE_EVENTS, Topics.CASE_EVENTS_DLQ, Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES, Topics.ALERTS, Topics.ENGINE_PROGRESS,
            Topics.ALERT_DELIVERIES);
    static final LocalMongoServer MONGO = LocalMongoServer.inMemory(0);
    static final ObjectMapper JSON = new ObjectMapper();
    private static boolean produced;
    private static boolean stuck;

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("caseclock-test"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ConsumerLag lag;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    Admin admin;

    @BeforeEach
    void engineHasPublished() {
        if (!produced) {
            try (EngineOutput engine = new EngineOutput(bootstrap)) {
                engine.commit(values());
                engine.commit(items());
                engine.commit(alerts());
                // An aborted transaction never reaches MongoDB (read_committed).
                engine.abort(List.of(EngineOutput.recurring("child/CX", "CIN4", "OVERDUE", "T1", "FAM", "2026-01-01")));
            }
            produced = true;
        }
        // Once the service has failed to catch up, every test would wait in vain: fail them at once.
        assertThat(stuck).as("the service never caught up with the engine's topics").isFalse();
        stuck = true;
        awaitCaughtUp();
        stuck = false;
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> lag.caughtUp(ENGINE_TOPICS));
    }

    private static List<Rec> values() {
        return List.of(
                projected("CIN4", "team/T1", "2026-02", 41, 46, 30, 46),
                value("CIN4", "team/T1", "2026-01", 44, 50, 44L, 50L),
                value("CIN4", "team/T1", "2025-02", 30, 40, 30L, 40L),
                value("CIN4", "team/T1", "2025-01", 20, 40, 20L, 40L),
                running("CIN4", "LA", "2026-02", 100, 110),
                running("CP13", "team/T1", "2026-02", 19, 20),
                running("CLA11", "team/T1", "2026-02", 1, 2),
                running("CLA13", "team/T1", "2026-02", 4, 5),
                running("CLA28", "team/T1", "2026-02", 0, 6),
                running("CLA10", "team/T1", "2026-02", 8, 10),
                running("FD8", "team/T1", "2026-02", 6, 25),
                value("FD8", "team/T1", "2026-01", 3, 20, 3L, 20L),
                running("CP14", "team/T1", "2026-02", 4, 10),
                running("FD7", "team/T1", "2026-02", 5, 10),
                projected("W1", "team/T1", "2026-02", 90, 5, 90, 5),
                value("W1", "team/T1", "2026-01", 80, 5, 80L, 5L),
                running("W2", "team/T1", "2026-02", 2, 0),
                projected("N1", "team/T1", "2026-02", 12, 0, 12, 0),
                projected("AMT2", "team/T1", "2026-02", 0, 0, 0, 0),
                value("AMT2", "team/T1", "2026-01", 7, 10, 6L, 10L),
                value("AMT2", "team/T1", "2025-12", 8, 10, 8L, 10L),
                running("DQ_VISIT_WITHOUT_EPISODE", "team/T1", "2026-02", 3, 0),
                // v1.1 kinds, in team/T4 (see the overview test for what each is worked out to be)
                projected("CLA1", "team/T4", "2026-02", 1, 10, 2, 10),
                running("CLA19", "team/T4", "2026-02", 6, 10),
                value("CLA19", "team/T4", "2026-01", 5, 10, 5L, 10L),
                running("CLA27", "team/T4", "2026-02", 8, 10),
                value("CLA27", "team/T4", "2026-01", 41, 50, 41L, 50L),
                running("CLA2", "team/T4", "2026-02", 62, 100),
                value("CLA2", "team/T4", "2026-01", 60, 100, 60L, 100L),
                running("A1", "team/T4", "2026-02", 1018, 3),
                running("A2", "team/T4", "2026-02", 130, 1),
                running("W3", "team/T4", "2026-02", 25, 2),
                running("CL2", "team/T4", "2026-02", 1, 2),
                projected("R1", "team/T4", "2026-02", 12, 0, 12, 0),
                running("R1", "LA", "2026-02", 40, 0));
    }

    private static List<Rec> items() {
        return List.of(
                recurring("child/C1", "CIN4", "OVERDUE", "T1", "FAM", "2026-01-27"),
                recurring("child/C2", "CIN4", "DUE_SOON", "T1", "FAM", "2026-02-05"),
                recurring("child/C3", "CIN4", "IN_TIME", "T1", "FAM", "2026-02-25"),
                recurring("child/C4", "CIN4", "OVERDUE", "T2", "FAM", "2026-01-31"),
                recurring("child/C5", "CIN4", "OVERDUE", "T3", "CLA", "2026-01-20"),
                recurring("child/C9", "CLA10", "DUE_SOON", "T3", "CLA", "2026-02-04"),
                recurring("child/C10", "CIN4", "OVERDUE", "T1", "FAM", "2026-01-01"),
                tombstone("child/C10", "CIN4", "CIN4"),
                // AMT2 is referenced by completion: open items have no period.
                item("child/C1", "AMT2", "A1", "OVERDUE", "T1", "FAM", "W1", "2025-11-28", null, "2026-01-30", null, null, null),
                item("child/C6", "AMT2", "A2", "ON_TIME", "T1", "FAM", "W1", "2025-11-20", "2026-01-15", "2026-01-20", null, "2026-01-15", "2026-01"),
                item("child/C7", "AMT2", "A3", "PENDING", "T1", "FAM", "W1", "2025-12-19", null, "2026-02-20", null, null, null),
                item("child/C8", "AMT2", "A4", "LATE", "T1", "FAM", "W1", "2025-12-01", "2026-02-02", "2026-02-02", null, "2026-02-02", "2026-02"),
                // MC6 has an hour deadline: overdue since 09:00 today, due today, so 0 days overdue.
                item("child/C11", "MC6", "E1", "OVERDUE", "T1", "FAM", "W1", "2026-01-31", null, "2026-02-03",
                        "2026-02-03T09:00:00Z", "2026-01-31", "2026-01"),
                // v1.1, at risk on 3 Feb (month's last date Sat 28 Feb): CP13 C13 due 27 Feb is, C12 due on the 28th
                // is not; MC6 E3's deadline 23:59 on the 28th is before the last instant, E4's midnight after it is not
                recurring("child/C12", "CP13", "IN_TIME", "T1", "FAM", "2026-02-28"),
                recurring("child/C13", "CP13", "IN_TIME", "T1", "FAM", "2026-02-27"),
                item("child/C14", "MC6", "E3", "PENDING", "T1", "FAM", "W1", "2026-02-25", null, "2026-02-28",
                        "2026-02-28T23:59:00Z", "2026-02-25", "2026-02"),
                item("child/C15", "MC6", "E4", "PENDING", "T1", "FAM", "W1", "2026-02-26", null, "2026-03-01",
                        "2026-03-01T00:00:00Z", "2026-02-26", "2026-02"),
                // v1.1: SHARE items are MET or NOT_MET; an AVERAGE item is COUNTED with its days
                item("child/C20", "CLA1", "CLA1", "MET", "T4", "CIC", "W4", "2025-01-01", "2025-06-01", null, null, null, null),
                item("child/C21", "CLA1", "CLA1", "NOT_MET", "T4", "CIC", "W4", "2025-01-01", null, null, null, null, null),
                withDays(item("child/C20", "A1", "ev-9", "COUNTED", "T4", "CIC", "W4", "2025-01-01", "2025-11-01", null, null,
                        "2025-11-01", "2025-11"), 304));
    }

    private static Rec withDays(Rec item, long days) {
        return new Rec(item.topic(), item.partition(), item.key(),
                item.value().replace("\"updatedAt\"", "\"days\": " + days + ", \"updatedAt\""));
    }

    private static List<Rec> alerts() {
        return List.of(
                alert("MC15", "child/C1", "2026-01", "T1", "2026-01-20T00:00:01Z", "2026-01-19", "OPEN", null),
                alert("MC6", "child/C11", "E1", "T1", "2026-01-25T12:00:00Z", "2026-01-25", "OPEN", null),
                alert("MC6", "child/C11", "E1", "T1", "2026-01-25T12:00:00Z", "2026-01-25", "RESOLVED", "2026-01-26T08:00:00Z"),
                alert("MC6", "child/C5", "E2", "T3", "2026-01-28T06:00:00Z", "2026-01-28", "OPEN", null));
    }

    private JsonNode get(String path) {
        ResponseEntity<String> r = http.getForEntity(path, String.class);
        assertThat(r.getStatusCode().value()).as(path + " -> " + r.getBody()).isEqualTo(200);
        return read(r.getBody());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static JsonNode indicator(JsonNode response, String code) {
        return StreamSupport.stream(response.path("indicators").spliterator(), false)
                .filter(i -> i.path("code").asText().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(name).asText()));
        return out;
    }

    // ---- indicators ------------------------------------------------------------------------

    @Test
    void current_values_are_the_current_months_record_with_rag_against_target_and_change_from_last_month() {
        JsonNode r = get("/api/indicators?scope=team/T1");

        assertThat(r.path("scope").asText()).isEqualTo("team/T1");
        assertThat(r.path("asOf").asText()).isEqualTo("2026-02-03T10:15:00Z");
        assertThat(r.path("period").isNull()).isTrue();
        // One entry per catalogue code, in catalogue order; the data-quality count is not one.
        assertThat(r.path("indicators")).hasSize(57);
        assertThat(r.path("indicators").get(0).path("code").asText()).isEqualTo("EH1");
        assertThat(field(r.path("indicators"), "code")).doesNotContain("DQ_VISIT_WITHOUT_EPISODE");

        // CIN4: 41/46 = 0.8913 against 95%: 6.1 points short, within 10 -> AMBER; last month 44/50 = 0.88
        JsonNode cin4 = indicator(r, "CIN4");
        assertThat(cin4.path("name").asText()).isEqualTo("CIN visited within 4 weeks");
        assertThat(cin4.path("kind").asText()).isEqualTo("RECURRING");
        // and its catalogue section, which the dashboard groups by (not a guess from the code)
        assertThat(cin4.path("group").asText()).isEqualTo("cin-cp");
        assertThat(cin4.path("value").asDouble()).isCloseTo(41.0 / 46, within(1e-12));
        assertThat(cin4.path("numerator").asLong()).isEqualTo(41);
        assertThat(cin4.path("denominator").asLong()).isEqualTo(46);
        assertThat(cin4.path("target").asDouble()).isEqualTo(0.95);
        assertThat(cin4.path("better").asText()).isEqualTo("higher");
        assertThat(cin4.path("rag").asText()).isEqualTo("AMBER");
        assertThat(cin4.path("previous").asDouble()).isCloseTo(0.88, within(1e-12));
        assertThat(cin4.path("change").asDouble()).isCloseTo(41.0 / 46 - 0.88, within(1e-12));
        // No period asked, so no first-reported value; no trend in the list.
        assertThat(cin4.has("asFirstReported")).isFalse();
        assertThat(cin4.has("trend")).isFalse();
    }

    // ---- v1.1: SHARE, AVERAGE, RATE, comparators, overview -------------------------------------

    @Test
    void average_is_in_days_rate_is_per_10000_of_the_scopes_population_or_null_without_one_and_comparators_are_as_configured() {
        JsonNode t4 = get("/api/indicators?scope=team/T4");

        // A1: 1018 days over 3 items = 339.33 days, under the 426 target (lower) -> GREEN
        assertThat(indicator(t4, "A1").path("kind").asText()).isEqualTo("AVERAGE");
        assertThat(indicator(t4, "A1").path("value").asDouble()).isCloseTo(1018.0 / 3, within(1e-9));
        assertThat(indicator(t4, "A1").path("rag").asText()).isEqualTo("GREEN");
        // R1: 12 children with a CIN plan in a configured population of 5,000: 12 x 10,000 / 5,000 = 24
        JsonNode r1 = indicator(t4, "R1");
        assertThat(r1.path("value").asDouble()).isEqualTo(24.0);
        assertThat(r1.path("numerator").asLong()).isEqualTo(12);
        assertThat(r1.path("denominator").asLong()).isEqualTo(5000);
        assertThat(r1.path("rag").asText()).isEqualTo("GREY");
        // The LA has no configured population: the numerator alone
        JsonNode laR1 = indicator(get("/api/indicators?scope=LA"), "R1");
        assertThat(laR1.path("numerator").asLong()).isEqualTo(40);
        assertThat(laR1.path("denominator").isNull()).isTrue();
        assertThat(laR1.path("value").isNull()).isTrue();
        // W3: 25 cases held by one worker (of 2 holding any)
        assertThat(indicator(t4, "W3").path("value").asDouble()).isEqualTo(25.0);
        // Comparators come back exactly as configured; none where none is
        JsonNode comparators = indicator(t4, "CLA1").path("comparators");
        assertThat(comparators.path("national").asDouble()).isEqualTo(0.11);
        assertThat(comparators.path("statisticalNeighbours").asDouble()).isEqualTo(0.09);
        assertThat(comparators.path("period").asText()).isEqualTo("2024-25");
        assertThat(indicator(t4, "CLA2").has("comparators")).isFalse();
    }

    @Test
    void share_items_are_met_or_not_met_and_never_overdue_and_average_items_are_counted_with_their_days() {
        JsonNode cla1 = get("/api/indicators/CLA1/items?scope=team/T4").path("items");
        assertThat(field(cla1, "status")).containsExactlyInAnyOrder("MET", "NOT_MET");
        assertThat(get("/api/overdue?scope=team/T4").path("items")).isEmpty();

        JsonNode a1 = get("/api/indicators/A1/items?scope=team/T4").path("items");
        assertThat(a1).hasSize(1);
        assertThat(a1.get(0).path("status").asText()).isEqualTo("COUNTED");
        assertThat(a1.get(0).path("days").asLong()).isEqualTo(304);
    }

    @Test
    void the_overview_puts_red_and_worsening_amber_to_do_better_green_and_amber_up_5pp_going_well_other_amber_to_watch() {
        JsonNode o = get("/api/overview?scope=team/T4");

        assertThat(o.path("scope").asText()).isEqualTo("team/T4");
        // CLA1 1/10 = 10% on its 10% target (lower): GREEN. A1 339 days under 426: GREEN. W2 and AMT5 count
        // nothing in T4, and a count of nothing is 0: on their target of 0, GREEN.
        // CLA19 60%, AMBER (10 points short of 70%), up 10pp from 50%: improved by 5pp or more.
        assertThat(field(o.path("goingWell"), "code")).containsExactly("CLA1", "CLA19", "A1", "W2", "AMT5");
        // CLA2 62%, AMBER, up only 2pp from 60%; A2 130 days, AMBER (9 over 121, tolerance 12.1), no previous
        assertThat(field(o.path("onesToWatch"), "code")).containsExactly("CLA2", "A2");
        // CLA27 80% AMBER and down from 82%; W3 25 against 20 (tolerance 2): RED
        assertThat(field(o.path("toDoBetter"), "code")).containsExactly("CLA27", "W3");
        // CL2 1 of 2 is too few to rate (GREY), R1 has no target: in none
        assertThat(o.toString()).doesNotContain("\"CL2\"").doesNotContain("\"R1\"");

        assertThat(o.path("goingWell").get(1).path("sentence").asText()).isEqualTo(
                "Children looked after with the same social worker for 6 months: 60% (6 of 10), up 10pp on last month, target 70%");
        assertThat(o.path("toDoBetter").get(0).path("sentence").asText()).isEqualTo(
                "Children looked after 12 months+ with up-to-date immunisations: 80% (8 of 10), down 2pp on last month, target 90%");
        assertThat(o.path("onesToWatch").get(1).path("sentence").asText()).isEqualTo(
                "Average days from placement order to match: 130 days, no figure for last month, target 121 days");
        assertThat(o.path("goingWell").get(0).path("rag").asText()).isEqualTo("GREEN");
    }

    @Test
    void rag_is_green_on_the_target_amber_within_tolerance_red_beyond_and_grey_without_target_or_value() {
        JsonNode r = get("/api/indicators?scope=team/T1");

        // CP13 19/20 = 0.95, exactly the target: GREEN. No January record: previous and change null.
        assertThat(indicator(r, "CP13").path("rag").asText()).isEqualTo("GREEN");
        assertThat(indicator(r, "CP13").path("previous").isNull()).isTrue();
        assertThat(indicator(r, "CP13").path("change").isNull()).isTrue();
        // CLA10 8/10 = 0.80: 15 points short of 95%, beyond 10 -> RED
        assertThat(indicator(r, "CLA10").path("rag").asText()).isEqualTo("RED");
        // FD7 has no target -> GREY, though it has a value (0.5)
        assertThat(indicator(r, "FD7").path("value").asDouble()).isEqualTo(0.5);
        assertThat(indicator(r, "FD7").path("rag").asText()).isEqualTo("GREY");
        // AMT2 0/0 this month: no value -> GREY; previous 7/10
        assertThat(indicator(r, "AMT2").path("value").isNull()).isTrue();
        assertThat(indicator(r, "AMT2").path("rag").asText()).isEqualTo("GREY");
        assertThat(indicator(r, "AMT2").path("previous").asDouble()).isEqualTo(0.7);
        assertThat(indicator(r, "AMT2").path("change").isNull()).isTrue();
        // MC15 has no record at all: everything null, GREY
        assertThat(indicator(r, "MC15").path("value").isNull()).isTrue();
        assertThat(indicator(r, "MC15").path("numerator").isNull()).isTrue();
        assertThat(indicator(r, "MC15").path("rag").asText()).isEqualTo("GREY");
    }

    @Test
    void lower_is_better_indicators_are_green_at_or_under_target_and_counts_are_plain_numbers_except_w1() {
        JsonNode r = get("/api/indicators?scope=team/T1");

        // FD8 6/25 = 0.24 against 22% lower: 2 points over, within 10 -> AMBER; was 3/20 = 0.15; Up 9pp
        JsonNode fd8 = indicator(r, "FD8");
        assertThat(fd8.path("value").asDouble()).isCloseTo(0.24, within(1e-12));
        assertThat(fd8.path("rag").asText()).isEqualTo("AMBER");
        assertThat(fd8.path("change").asDouble()).isCloseTo(0.09, within(1e-12));
        // CP14 4/10 = 0.40 against 18% lower: 22 points over -> RED
        assertThat(indicator(r, "CP14").path("rag").asText()).isEqualTo("RED");
        // W1: 90 cases / 5 workers = 18.0 against 17 lower, tolerance 10% of 17 = 1.7 -> AMBER; was 80/5 = 16; change +2
        JsonNode w1 = indicator(r, "W1");
        assertThat(w1.path("value").asDouble()).isEqualTo(18.0);
        assertThat(w1.path("denominator").asLong()).isEqualTo(5);
        assertThat(w1.path("rag").asText()).isEqualTo("AMBER");
        assertThat(w1.path("previous").asDouble()).isEqualTo(16.0);
        assertThat(w1.path("change").asDouble()).isEqualTo(2.0);
        // and says what its numerator and denominator count, as the catalogue names them; W2 names nothing
        assertThat(w1.path("units").path("numerator").asText()).isEqualTo("cases");
        assertThat(w1.path("units").path("denominator").asText()).isEqualTo("workers");
        assertThat(indicator(r, "W2").has("units")).isFalse();
        // W2: a count, 2 against target 0 lower, tolerance 0 -> RED
        assertThat(indicator(r, "W2").path("value").asDouble()).isEqualTo(2.0);
        assertThat(indicator(r, "W2").path("rag").asText()).isEqualTo("RED");
        // N1: a count with no target -> 12, GREY
        assertThat(indicator(r, "N1").path("value").asDouble()).isEqualTo(12.0);
        assertThat(indicator(r, "N1").path("rag").asText()).isEqualTo("GREY");
    }

    @Test
    void a_closed_month_shows_its_value_and_beside_it_the_first_reported_value_only_where_late_events_revised_it() {
        JsonNode r = get("/api/indicators?scope=team/T1&period=2026-01");

        assertThat(r.path("period").asText()).isEqualTo("2026-01");
        // AMT2 January: 7/10 now, 6/10 when the month closed; December 8/10 -> change -0.1; 15 points short -> RED
        JsonNode amt2 = indicator(r, "AMT2");
        assertThat(amt2.path("value").asDouble()).isEqualTo(0.7);
        assertThat(amt2.path("asFirstReported").asDouble()).isEqualTo(0.6);
        assertThat(amt2.path("previous").asDouble()).isEqualTo(0.8);
        assertThat(amt2.path("change").asDouble()).isCloseTo(-0.1, within(1e-12));
        assertThat(amt2.path("rag").asText()).isEqualTo("RED");
        // CIN4 January 44/50, first reported the same: no asFirstReported; December unknown
        JsonNode cin4 = indicator(r, "CIN4");
        assertThat(cin4.path("value").asDouble()).isEqualTo(0.88);
        assertThat(cin4.has("asFirstReported")).isFalse();
        assertThat(cin4.path("previous").isNull()).isTrue();
    }

    @Test
    void an_unknown_team_or_service_answers_404_naming_it_and_the_known_ones_while_a_known_one_without_figures_is_nulls() {
        // Given teams T1, T2 (FAM) and T3 (CLA) configured, figures for team/T1 and LA only
        // When a team or service nobody configured or counted in is asked for
        // Then 404 naming it and the known ones, on every endpoint taking a scope
        for (String path : List.of("/api/indicators?scope=team/NOBODY", "/api/indicators/CIN4?scope=team/NOBODY",
                "/api/indicators/CIN4/items?scope=team/NOBODY", "/api/overdue?scope=team/NOBODY",
                "/api/packs/weekly?scope=team/NOBODY")) {
            assertError(path, 404, "no team NOBODY in this authority; known teams: T1, T2, T3, T4");
        }
        assertError("/api/indicators?scope=service/NOPE", 404, "no service NOPE in this authority; known services: CIC, CLA, FAM");
        // A configured team with no figures yet is still a 200 of nulls; the LA has its own counters.
        JsonNode t2 = get("/api/indicators?scope=team/T2");
        assertThat(indicator(t2, "CIN4").path("value").isNull()).isTrue();
        assertThat(indicator(t2, "CIN4").path("rag").asText()).isEqualTo("GREY");
        assertThat(indicator(get("/api/indicators?scope=LA"), "CIN4").path("value").asDouble()).isCloseTo(100.0 / 110, within(1e-12));
    }

    @Test
    void rag_is_withheld_as_too_few_below_the_minimum_denominator_of_5_and_given_from_5() {
        // Given team/T1 in February 2026: CLA11 1 of 2 (50%) against 95%, CLA13 4 of 5 (80%) against 85%
        JsonNode r = get("/api/indicators?scope=team/T1");
        // When read with caseclock.query.rag-min-denominator at its default, 5
        // Then 1 of 2 is GREY and tooFew, its value still shown; 4 of 5 is rated (5 points short: AMBER)
        JsonNode cla11 = indicator(r, "CLA11");
        assertThat(cla11.path("value").asDouble()).isEqualTo(0.5);
        assertThat(cla11.path("rag").asText()).isEqualTo("GREY");
        assertThat(cla11.path("tooFew").asBoolean()).isTrue();
        JsonNode cla13 = indicator(r, "CLA13");
        assertThat(cla13.path("rag").asText()).isEqualTo("AMBER");
        assertThat(cla13.has("tooFew")).isFalse();
        // A count is never withheld: W2 2 against 0 stays RED
        assertThat(indicator(r, "W2").path("rag").asText()).isEqualTo("RED");
    }

    @Test
    void a_period_indicator_of_the_running_month_is_marked_so_far_and_a_snapshot_or_closed_month_is_not() {
        // Given now is 3 February 2026: FD8 (RATIO, by month) has 6 of 25 so far; CIN4 (RECURRING) is a snapshot
        JsonNode now = get("/api/indicators?scope=team/T1");
        JsonNode january = get("/api/indicators?scope=team/T1&period=2026-01");
        // Then FD8 now is soFar, CIN4 now is not, and FD8 in closed January is not
        assertThat(indicator(now, "FD8").path("soFar").asBoolean()).isTrue();
        assertThat(indicator(now, "CIN4").has("soFar")).isFalse();
        assertThat(indicator(january, "FD8").has("soFar")).isFalse();
    }

    @Test
    void an_indicator_the_data_source_cannot_feed_says_so_instead_of_a_rag_on_a_misleading_0() {
        // Given caseclock.query.not-available.codes=CLA28,QA6 (an SSD extract) and CLA28 0 of 6 in team/T1
        JsonNode r = get("/api/indicators?scope=team/T1");
        // Then CLA28 carries the reason and is GREY, not RED on 0%; a code not listed has no such field
        JsonNode cla28 = indicator(r, "CLA28");
        assertThat(cla28.path("notAvailable").asText()).isEqualTo("not available from an SSD extract");
        assertThat(cla28.path("rag").asText()).isEqualTo("GREY");
        assertThat(indicator(r, "QA6").path("notAvailable").asText()).isEqualTo("not available from an SSD extract");
        assertThat(indicator(r, "CIN4").has("notAvailable")).isFalse();
    }

    /** API.md: a COUNT of nothing is 0, never null, in every scope and month; a share of nothing stays null. */
    @Test
    void a_count_with_nothing_in_scope_reads_zero_before_and_after_the_read_model_is_rebuilt() throws Exception {
        // Given team T3, for which the engine has published no month value at all
        // When its scorecard, January's and one count's trend are read / Then counts are 0, shares and W1 null
        assertCountsOfNothingAreZero();

        // When the read model is rebuilt from the topics (as after a restart) / Then the same
        replayEveryTopicFromTheStart();
        assertCountsOfNothingAreZero();
    }

    private void assertCountsOfNothingAreZero() {
        for (String path : List.of("/api/indicators?scope=team/T3", "/api/indicators?scope=team/T3&period=2026-01")) {
            JsonNode r = get(path);
            for (String count : List.of("N1", "N2", "N3", "N4", "MC1", "W2")) {
                assertThat(indicator(r, count).path("value").isNumber()).as(path + " " + count).isTrue();
                assertThat(indicator(r, count).path("value").asDouble()).as(path + " " + count).isZero();
                assertThat(indicator(r, count).path("numerator").asLong()).isZero();
            }
            assertThat(indicator(r, "W1").path("value").isNull()).as("W1 has no workers to divide by").isTrue();
            assertThat(indicator(r, "CIN4").path("value").isNull()).as("a share of nothing").isTrue();
        }
        // N1 of T1 is 12 now; last month and every month before it counted nothing, so 0
        JsonNode n1 = get("/api/indicators/N1?scope=team/T1&months=3");
        assertThat(n1.path("previous").asDouble()).isZero();
        assertThat(n1.path("change").asDouble()).isEqualTo(12.0);
        assertThat(field(n1.path("trend"), "value")).containsExactly("0.0", "0.0", "12.0");
    }

    @Test
    void one_indicator_has_a_trend_of_the_last_n_months_oldest_first_with_gaps_as_nulls() {
        JsonNode r = get("/api/indicators/CIN4?scope=team/T1&months=13");

        assertThat(r.path("scope").asText()).isEqualTo("team/T1");
        assertThat(r.path("code").asText()).isEqualTo("CIN4");
        assertThat(r.path("rag").asText()).isEqualTo("AMBER");
        JsonNode trend = r.path("trend");
        // 2025-02 .. 2026-02; January 2025 (30/40's predecessor, 20/40) is outside
        assertThat(trend).hasSize(13);
        assertThat(trend.get(0).toString()).isEqualTo("{\"period\":\"2025-02\",\"value\":0.75,\"numerator\":30,\"denominator\":40}");
        assertThat(trend.get(1).toString()).isEqualTo("{\"period\":\"2025-03\",\"value\":null,\"numerator\":null,\"denominator\":null}");
        assertThat(trend.get(11).path("value").asDouble()).isEqualTo(0.88);
        assertThat(trend.get(12).path("period").asText()).isEqualTo("2026-02");
        assertThat(trend.get(12).path("numerator").asLong()).isEqualTo(41);

        JsonNode three = get("/api/indicators/CIN4?scope=team/T1&months=3");
        assertThat(field(three.path("trend"), "period")).containsExactly("2025-12", "2026-01", "2026-02");
    }

    @Test
    void one_indicator_says_what_it_counts_from_the_catalogue_and_its_value_in_each_team_of_the_scope() {
        // Given CIN4 at 41 of 46 in T1 this month (February 2026) and nothing counted in T2, both teams of FAM
        JsonNode r = get("/api/indicators/CIN4?scope=service/FAM");

        // Then its definition is the catalogue's: children with an open CIN plan, seen on a visit, every 28 days, 95%
        JsonNode d = r.path("definition");
        assertThat(d.path("population").asText()).isEqualTo("children with an open CIN plan");
        assertThat(d.path("activity").asText()).isEqualTo("VisitRecorded with childSeen = true");
        assertThat(d.path("timescale").asText()).isEqualTo("[28 D]");
        assertThat(d.path("referenceDate").asText()).isEqualTo("as at T");
        assertThat(d.path("target").asText()).isEqualTo("95%");
        // and the breakdown has each team of FAM: T1 41/46 = 0.891, AMBER as on its own scorecard; T2 none
        JsonNode breakdown = r.path("breakdown");
        assertThat(field(breakdown, "scope")).containsExactly("team/T1", "team/T2");
        assertThat(breakdown.get(0).path("numerator").asLong()).isEqualTo(41);
        assertThat(breakdown.get(0).path("denominator").asLong()).isEqualTo(46);
        assertThat(breakdown.get(0).path("rag").asText()).isEqualTo("AMBER");
        assertThat(breakdown.get(1).path("value").isNull()).isTrue();
        // A team has no teams within it
        assertThat(get("/api/indicators/CIN4?scope=team/T1").path("breakdown")).isEmpty();
    }

    @Test
    void the_projected_month_end_is_beside_every_current_value_rated_as_the_value_with_the_number_of_items_at_risk() {
        JsonNode now = get("/api/indicators?scope=team/T1");

        // CIN4: 30 of 46 at 28 Feb if nothing else is done = 65%, RED against 95% (beyond 10pp); C2 and C3 at risk
        JsonNode cin4 = indicator(now, "CIN4").path("projectedMonthEnd");
        assertThat(cin4.path("value").asDouble()).isCloseTo(30.0 / 46, within(1e-12));
        assertThat(cin4.path("numerator").asLong()).isEqualTo(30);
        assertThat(cin4.path("denominator").asLong()).isEqualTo(46);
        assertThat(cin4.path("rag").asText()).isEqualTo("RED");
        assertThat(cin4.path("atRisk").asLong()).isEqualTo(2);
        // CP13: no projection from the engine (an older record): value null, GREY; C13 at risk, not C12
        JsonNode cp13 = indicator(now, "CP13").path("projectedMonthEnd");
        assertThat(cp13.path("value").isNull()).isTrue();
        assertThat(cp13.path("rag").asText()).isEqualTo("GREY");
        assertThat(cp13.path("atRisk").asLong()).isEqualTo(1);
        // MILESTONE: AMT2's A3 (PENDING, due 20 Feb); MC6's E3 (deadline 23:59 on the 28th), not E4 (midnight after)
        assertThat(indicator(now, "AMT2").path("projectedMonthEnd").path("atRisk").asLong()).isEqualTo(1);
        assertThat(indicator(now, "MC6").path("projectedMonthEnd").path("atRisk").asLong()).isEqualTo(1);
        // Numbers as the value: W1 90 cases over 5 workers = 18, 1 over its 17 (lower is better), within 10%: AMBER
        JsonNode w1 = indicator(now, "W1").path("projectedMonthEnd");
        assertThat(w1.path("value").asDouble()).isEqualTo(18.0);
        assertThat(w1.path("rag").asText()).isEqualTo("AMBER");
        assertThat(w1.path("atRisk").isNull()).isTrue();
        assertThat(indicator(now, "N1").path("projectedMonthEnd").path("value").asDouble()).isEqualTo(12.0);

        JsonNode t4 = get("/api/indicators?scope=team/T4");
        // RATE: 12 over team/T4's 5,000 children = 24 per 10,000; SHARE (CLA1) 2 of 10: kinds with none at risk say null
        assertThat(indicator(t4, "R1").path("projectedMonthEnd").path("value").asDouble()).isEqualTo(24.0);
        assertThat(indicator(t4, "CLA1").path("projectedMonthEnd").path("value").asDouble()).isEqualTo(0.2);
        assertThat(indicator(t4, "CLA1").path("projectedMonthEnd").has("atRisk")).isTrue();
        assertThat(indicator(t4, "CLA1").path("projectedMonthEnd").path("atRisk").isNull()).isTrue();

        // One code and the overview carry it too; a month asked for (even this one) has none
        assertThat(get("/api/indicators/CIN4?scope=team/T1").path("projectedMonthEnd").path("numerator").asLong()).isEqualTo(30);
        JsonNode overview = get("/api/overview?scope=team/T1");
        // (CIN4, AMBER and up 1pp, is one to watch)
        JsonNode watched = StreamSupport.stream(overview.path("onesToWatch").spliterator(), false)
                .filter(e -> e.path("code").asText().equals("CIN4")).findFirst().orElseThrow();
        assertThat(watched.path("projectedMonthEnd").path("atRisk").asLong()).isEqualTo(2);
        assertThat(indicator(get("/api/indicators?scope=team/T1&period=2026-01"), "CIN4").has("projectedMonthEnd")).isFalse();
        assertThat(indicator(get("/api/indicators?scope=team/T1&period=2026-02"), "CIN4").has("projectedMonthEnd")).isFalse();
    }

    // ---- lists ------------------------------------------------------------------------------

    @Test
    void at_risk_lists_the_items_not_overdue_now_that_will_be_by_month_end_soonest_due_first_each_with_its_status() {
        // Today Tue 3 Feb, month's last date Sat 28 Feb: CIN4 C2 (due 5 Feb) and C3 (due 25 Feb); C1, C4, C5 are overdue already
        JsonNode cin4 = get("/api/indicators/CIN4/items?scope=LA&status=AT_RISK").path("items");
        assertThat(field(cin4, "subject")).containsExactly("child/C2", "child/C3");
        assertThat(field(cin4, "status")).containsExactly("DUE_SOON", "IN_TIME");
        assertThat(field(cin4, "due")).containsExactly("2026-02-05", "2026-02-25");
        // CP13: due the 27th is at risk, due the 28th (the last date) is not
        assertThat(field(get("/api/indicators/CP13/items?scope=team/T1&status=AT_RISK").path("items"), "subject"))
                .containsExactly("child/C13");
        // MILESTONE: PENDING with the deadline before the last instant
        JsonNode mc6 = get("/api/indicators/MC6/items?scope=team/T1&status=AT_RISK").path("items");
        assertThat(field(mc6, "itemId")).containsExactly("E3");
        assertThat(field(mc6, "status")).containsExactly("PENDING");
        assertThat(field(get("/api/indicators/AMT2/items?scope=team/T1&status=AT_RISK").path("items"), "itemId"))
                .containsExactly("A3");
        // Scope filters as for every list; a kind without items at risk lists none
        assertThat(get("/api/indicators/CIN4/items?scope=team/T2&status=AT_RISK").path("items")).isEmpty();
        assertThat(get("/api/indicators/CLA1/items?scope=team/T4&status=AT_RISK").path("items")).isEmpty();
    }

    @Test
    void an_indicators_live_items_are_listed_most_overdue_first_with_days_overdue_from_todays_london_date() {
        JsonNode items = get("/api/indicators/CIN4/items?scope=team/T1").path("items");

        // C1 due 27 Jan: 7 days overdue on 3 Feb. C2 (due 5 Feb) and C3 (due 25 Feb) are not overdue.
        // C10 was withdrawn (tombstone); CX was in an aborted transaction.
        assertThat(field(items, "subject")).containsExactly("child/C1", "child/C2", "child/C3");
        assertThat(field(items, "daysOverdue")).containsExactly("7", "0", "0");
        JsonNode c1 = items.get(0);
        assertThat(c1.path("team").asText()).isEqualTo("T1");
        assertThat(c1.path("worker").asText()).isEqualTo("W1");
        assertThat(c1.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(c1.path("entryDate").asText()).isEqualTo("2025-11-02");
        assertThat(c1.path("lastActivity").asText()).isEqualTo("2025-12-30");
        assertThat(c1.path("due").asText()).isEqualTo("2026-01-27");

        JsonNode overdueOnly = get("/api/indicators/CIN4/items?scope=team/T1&status=OVERDUE").path("items");
        assertThat(field(overdueOnly, "subject")).containsExactly("child/C1");
    }

    @Test
    void scope_filters_items_by_team_by_service_or_not_at_all_for_the_la() {
        // T1 and T2 are FAM, T3 is CLA. C5 (T3) 14 days, C1 7, C4 (T2, due 31 Jan) 3.
        assertThat(field(get("/api/indicators/CIN4/items?scope=service/FAM").path("items"), "subject"))
                .containsExactly("child/C1", "child/C4", "child/C2", "child/C3");
        assertThat(field(get("/api/indicators/CIN4/items?scope=LA").path("items"), "subject"))
                .containsExactly("child/C5", "child/C1", "child/C4", "child/C2", "child/C3");
        assertThat(field(get("/api/indicators/CIN4/items?scope=team/T3").path("items"), "subject"))
                .containsExactly("child/C5");
    }

    @Test
    void milestone_live_items_are_the_open_ones_and_this_months_while_a_period_list_is_that_months_items() {
        // Live: A1 OVERDUE (due 30 Jan, 4 days), A4 LATE but completed this month (due 2 Feb), A3 PENDING (due 20 Feb).
        // Not A2: ON_TIME, counted in January.
        JsonNode live = get("/api/indicators/AMT2/items?scope=team/T1").path("items");
        assertThat(field(live, "itemId")).containsExactly("A1", "A4", "A3");
        assertThat(field(live, "daysOverdue")).containsExactly("4", "0", "0");

        JsonNode january = get("/api/indicators/AMT2/items?scope=team/T1&period=2026-01").path("items");
        assertThat(field(january, "itemId")).containsExactly("A2");
        assertThat(january.get(0).path("period").asText()).isEqualTo("2026-01");

        // RECURRING items are snapshots with no month: a period list of one is empty.
        assertThat(get("/api/indicators/CIN4/items?scope=team/T1&period=2026-01").path("items")).isEmpty();
    }

    @Test
    void the_overdue_list_has_every_overdue_and_due_soon_item_of_the_scope_across_indicators_with_its_code() {
        JsonNode team = get("/api/overdue?scope=team/T1").path("items");

        // C1 CIN4 7 days, C1 AMT2 4 days, C11 MC6 overdue since 09:00 today (due today, 0 days), C2 CIN4 due soon (5 Feb)
        assertThat(field(team, "code")).containsExactly("CIN4", "AMT2", "MC6", "CIN4");
        assertThat(field(team, "subject")).containsExactly("child/C1", "child/C1", "child/C11", "child/C2");
        assertThat(field(team, "daysOverdue")).containsExactly("7", "4", "0", "0");

        JsonNode la = get("/api/overdue?scope=LA").path("items");
        assertThat(field(la, "subject")).containsExactly(
                "child/C5", "child/C1", "child/C1", "child/C4", "child/C11", "child/C9", "child/C2");
        assertThat(field(get("/api/overdue?scope=service/CLA").path("items"), "code")).containsExactly("CIN4", "CLA10");
    }

    // ---- alerts -------------------------------------------------------------------------------

    @Test
    void alerts_show_their_latest_state_newest_first_filtered_by_scope_and_state() {
        JsonNode t1 = get("/api/alerts?scope=team/T1").path("alerts");

        // The MC6 alert was raised then resolved: one alert, RESOLVED.
        assertThat(field(t1, "id")).containsExactly("MC6|child/C11|E1", "MC15|child/C1|2026-01");
        JsonNode resolved = t1.get(0);
        assertThat(List.of(resolved.path("code").asText(), resolved.path("subject").asText(), resolved.path("team").asText(),
                resolved.path("worker").asText(), resolved.path("raisedAt").asText(), resolved.path("due").asText(),
                resolved.path("state").asText(), resolved.path("resolvedAt").asText()))
                .containsExactly("MC6", "child/C11", "T1", "W1", "2026-01-25T12:00:00Z", "2026-01-25", "RESOLVED",
                        "2026-01-26T08:00:00Z");
        assertThat(t1.get(1).path("resolvedAt").isNull()).isTrue();
        assertThat(field(get("/api/alerts?scope=team/T1&state=OPEN").path("alerts"), "id")).containsExactly("MC15|child/C1|2026-01");
        assertThat(field(get("/api/alerts?scope=team/T1&state=RESOLVED").path("alerts"), "id")).containsExactly("MC6|child/C11|E1");
        // Services through the organisation: T3 is CLA, T1 is FAM
        assertThat(field(get("/api/alerts?scope=service/CLA").path("alerts"), "subject")).containsExactly("child/C5");
        assertThat(get("/api/alerts?scope=service/FAM").path("alerts")).hasSize(2);
        assertThat(get("/api/alerts?scope=LA").path("alerts")).hasSize(3);
    }

    @Test
    void alerts_carry_their_deliveries_from_the_alert_deliveries_topic_per_notice_and_channel_latest_state_each() {
        // Given the alerts service publishing the MC15 alert's deliveries on alert-deliveries (key = id): the
        // webhook pending, then delivered at the third attempt; the e-mail failing
        String id = "MC15|child/C1|2026-01";
        String webhook = id + "|OPEN|webhook";
        String email = id + "|OPEN|email";
        try (EngineOutput alertsService = new EngineOutput(bootstrap)) {
            alertsService.commit(List.of(
                    EngineOutput.delivery(webhook, id, "OPEN", "webhook", "PENDING", 0, "2026-01-20T00:00:02Z", null, null),
                    EngineOutput.delivery(email, id, "OPEN", "email", "FAILING", 12, "2026-01-20T00:00:02Z", "2026-01-20T01:00:00Z", null),
                    EngineOutput.delivery(webhook, id, "OPEN", "webhook", "DELIVERED", 3, "2026-01-20T00:00:02Z",
                            "2026-01-20T00:00:09Z", "2026-01-20T00:00:10Z")));
        }
        try {
            // When the query service has read the topic
            await().atMost(Duration.ofSeconds(30)).until(() -> lag.caughtUp(List.of(Topics.ALERT_DELIVERIES)));

            // Then the alert lists both deliveries in their latest state (oldest first, then by id), the others none
            JsonNode alerts = get("/api/alerts?scope=team/T1&state=OPEN").path("alerts");
            assertThat(alerts.get(0).path("deliveries").toString()).isEqualTo("["
                    + "{\"notice\":\"OPEN\",\"channel\":\"email\",\"state\":\"FAILING\",\"attempts\":12,"
                    + "\"lastAttemptAt\":\"2026-01-20T01:00:00Z\",\"deliveredAt\":null},"
                    + "{\"notice\":\"OPEN\",\"channel\":\"webhook\",\"state\":\"DELIVERED\",\"attempts\":3,"
                    + "\"lastAttemptAt\":\"2026-01-20T00:00:09Z\",\"deliveredAt\":\"2026-01-20T00:00:10Z\"}]");
            assertThat(get("/api/alerts?scope=team/T1&state=RESOLVED").path("alerts").get(0).path("deliveries")).isEmpty();
            // and nothing was read from the alerts service's own collection
            assertThat(mongo.collectionExists("alert_deliveries")).isFalse();
        } finally {
            mongo.getCollection(DeliveryStore.COLLECTION).deleteMany(new Document());
        }
    }

    // ---- packs -------------------------------------------------------------------------------

    @Test
    void the_weekly_pack_has_its_five_indicators_with_value_rag_change_and_a_13_month_trend() {
        JsonNode pack = get("/api/packs/weekly?scope=team/T1");

        assertThat(pack.path("pack").asText()).isEqualTo("weekly");
        assertThat(field(pack.path("indicators"), "code")).containsExactly("CIN4", "CIN8", "CLA14", "AMT2", "MC15");
        JsonNode cin4 = pack.path("indicators").get(0);
        assertThat(cin4.path("rag").asText()).isEqualTo("AMBER");
        assertThat(cin4.path("change").asDouble()).isCloseTo(41.0 / 46 - 0.88, within(1e-12));
        assertThat(cin4.path("trend")).hasSize(13);
        assertThat(pack.path("indicators").get(3).path("trend").get(11).path("value").asDouble()).isEqualTo(0.7);
    }

    @Test
    void the_pack_as_csv_has_scope_and_as_of_on_each_row_whole_percentages_and_a_file_name_naming_both() {
        // Given team/T1 on 3 February 2026 at 10:15 UTC; CIN4 41/46 = 89.1%, last month 44/50 = 88%, February 2025 30/40 = 75%
        ResponseEntity<String> r = http.getForEntity("/api/packs/weekly?scope=team/T1&format=csv", String.class);

        // Then a spreadsheet named for the pack, scope and day, whose figures read as the dashboard's
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(r.getHeaders().getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"weekly-team-T1-2026-02-03.csv\"");
        String[] lines = r.getBody().split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("scope,as of,code,name,value,numerator,denominator,target,better,rag,previous,change,"
                + "2025-02,2025-03,2025-04,2025-05,2025-06,2025-07,2025-08,2025-09,2025-10,2025-11,2025-12,2026-01,2026-02");
        // 89% against 88%: a change of 1 (point)
        assertThat(lines[1]).isEqualTo("team/T1,2026-02-03T10:15:00Z,CIN4,CIN visited within 4 weeks,89%,41,46,95%,higher,AMBER,88%,1,"
                + "75%,,,,,,,,,,,88%,89%");
        assertThat(lines[5]).startsWith("team/T1,2026-02-03T10:15:00Z,MC15,").contains(",GREY,");
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void bad_parameters_answer_400_naming_the_parameter_and_unknown_codes_or_packs_404() {
        assertError("/api/indicators?scope=region/X", 400, "scope must be LA, service/{id} or team/{id}");
        assertError("/api/indicators", 400, "scope is required");
        assertError("/api/indicators?scope=LA&period=2026-13", 400, "period must be a month as YYYY-MM");
        assertError("/api/indicators/CIN4?scope=LA&months=0", 400, "months must be between 1 and 120");
        assertError("/api/indicators/CIN4?scope=LA&months=x", 400, "months is not valid");
        assertError("/api/indicators/CIN4/items?scope=LA&status=LOST", 400,
                "status must be one of [AT_RISK, CANCELLED, COUNTED, DUE_SOON, IN_TIME, LATE, MET, NOT_MET, ON_TIME, OVERDUE, PENDING]");
        assertError("/api/indicators/CIN4/items?scope=LA&status=AT_RISK&period=2026-01", 400,
                "period must not be given with status=AT_RISK: the items at risk are this month's");
        assertError("/api/alerts?scope=LA&state=CLOSED", 400, "state must be OPEN or RESOLVED");
        assertError("/api/overdue?scope=team/", 400, "scope must be LA, service/{id} or team/{id}");
        assertError("/api/indicators/NOPE?scope=LA", 404, "no indicator NOPE");
        assertError("/api/indicators/NOPE/items?scope=LA", 404, "no indicator NOPE");
        assertError("/api/packs/monthly?scope=LA", 404, "no pack monthly");
    }

    private void assertError(String path, int status, String message) {
        ResponseEntity<String> r = http.getForEntity(path, String.class);
        assertThat(r.getStatusCode().value()).as(path).isEqualTo(status);
        assertThat(read(r.getBody()).path("error").asText()).as(path).isEqualTo(message);
    }

    // ---- operations ---------------------------------------------------------------------------

    @Test
    void health_metrics_and_the_openapi_document_are_served() {
        assertThat(get("/actuator/health").path("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").path("status").asText()).isEqualTo("UP");
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("caseclock_query_records_applied_total{application=\"caseclock-query\",topic=\"compliance-items\"}");
        assertThat(metrics).contains("caseclock_query_sse_clients");
        assertThat(metrics).contains("caseclock_query_freshness_seconds_bucket");
        JsonNode api = get("/v3/api-docs");
        assertThat(api.path("paths").has("/api/indicators")).isTrue();
        assertThat(api.path("paths").has("/api/status")).isTrue();
        assertThat(api.path("info").path("title").asText()).isEqualTo("caseclock query API");
    }

    // ---- idempotence --------------------------------------------------------------------------

    @Test
    void replaying_every_topic_from_the_start_leaves_mongodb_exactly_as_it_was() throws Exception {
        // Given what the topics have been materialised into
        Map<String, List<String>> before = dump();
        assertThat(before.get(ItemStore.COLLECTION)).isNotEmpty();

        // When the service forgets its offsets and reads every topic again from the start
        replayEveryTopicFromTheStart();

        // Then every collection is the same, document for document, field for field
        assertThat(dump()).isEqualTo(before);
    }

    private void replayEveryTopicFromTheStart() {
        listeners.stop();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            admin.deleteConsumerGroups(List.of("caseclock-query")).all().get();
            return true;
        });
        assertThat(lag.caughtUp(ENGINE_TOPICS)).isFalse();
        listeners.start();
        awaitCaughtUp();
    }

    private Map<String, List<String>> dump() {
        Map<String, List<String>> dump = new java.util.TreeMap<>();
        for (String c : List.of(ItemStore.COLLECTION, ItemStore.LISTS, ValueStore.COLLECTION, AlertStore.COLLECTION, ProgressStore.COLLECTION)) {
            List<String> docs = new ArrayList<>();
            for (Document d : mongo.getCollection(c).find().sort(new Document("_id", 1))) {
                docs.add(d.toJson());
            }
            dump.put(c, docs);
        }
        return dump;
    }

    // ---- live updates -------------------------------------------------------------------------

    @Test
    void a_stream_client_of_a_team_is_told_of_its_value_and_item_changes_as_they_are_applied_and_nothing_of_others()
            throws Exception {
        // Given a client streaming team/T9
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream?scope=team/T9")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":subscribed to team/T9");

        // When the engine publishes a value and an item for T9, and an item for T8
        try (EngineOutput engine = new EngineOutput(bootstrap)) {
            engine.commit(List.of(
                    running("CIN4", "team/T9", "2026-02", 1, 2),
                    recurring("child/C90", "CP12", "IN_TIME", "T8", "OTHER", "2026-03-01"),
                    recurring("child/C91", "CP12", "IN_TIME", "T9", "OTHER", "2026-03-02")));
        }

        // Then the client gets an indicator event and an item event, T9's only, and heartbeats
        List<String> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            lines.drainTo(received);
            return received.contains("event:indicator") && received.contains("event:item") && received.contains(":heartbeat");
        });
        String indicator = received.get(received.indexOf("event:indicator") + 1);
        assertThat(indicator).isEqualTo("data:{\"code\":\"CIN4\",\"scope\":\"team/T9\",\"period\":\"2026-02\","
                + "\"value\":0.5,\"numerator\":1,\"denominator\":2}");
        String item = received.get(received.indexOf("event:item") + 1);
        assertThat(item).startsWith("data:{\"previousStatus\":null,\"status\":\"IN_TIME\",\"item\":{\"subject\":\"child/C91\"");
        assertThat(String.join("\n", received)).doesNotContain("child/C90");
    }

    // ---- progress -----------------------------------------------------------------------------

    @Test
    void status_holds_applied_back_until_every_contribution_is_counted_then_applied_equals_accepted() {
        // Given 13 events in case-events, one of which the engine rejected to the DLQ,
        // and 2 that ingest rejected over HTTP, also in the DLQ
        try (KafkaProducer<String, String> ingest = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < 13; i++) {
                ingest.send(new ProducerRecord<>(Topics.CASE_EVENTS, "child/C" + i, "{}"));
            }
            for (int i = 0; i < 3; i++) {
                ingest.send(new ProducerRecord<>(Topics.CASE_EVENTS_DLQ, null, "{\"id\": \"bad-" + i + "\"}"));
            }
        }
        try (EngineOutput engine = new EngineOutput(bootstrap)) {
            // And the engine has applied 9 + 2 (1 a duplicate) and counted all 15 contributions
            engine.commit(List.of(
                    progress("partition-0", 10, 9, 1, 1, 12, 0),
                    progress("partition-1", 2, 2, 0, 0, 3, 0),
                    progress("counters-0", 0, 0, 0, 0, 0, 10),
                    progress("counters-1", 0, 0, 0, 0, 0, 5)));
            awaitCaughtUp();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored("counters-1") == 5);

            // Then accepted = 13 - 1 rejected by the engine = 12, applied 11, rejected 1 + 2 by ingest = 3
            assertThat(get("/api/status").toString())
                    .isEqualTo("{\"accepted\":12,\"applied\":11,\"duplicates\":1,\"rejected\":3,\"lagEvents\":1}");

            // When one more event is applied whose 2 contributions are not counted yet
            engine.commit(List.of(progress("partition-1", 3, 3, 0, 0, 5, 0)));
            await().atMost(Duration.ofSeconds(30)).until(() -> stored("partition-1") == 3);

            // Then applied is held back at what is visible
            assertThat(get("/api/status").path("applied").asLong()).isEqualTo(11);

            // And once the counters have counted them, applied == accepted
            engine.commit(List.of(progress("counters-1", 0, 0, 0, 0, 0, 7)));
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/status").path("applied").asLong() == 12);
            assertThat(get("/api/status").toString())
                    .isEqualTo("{\"accepted\":12,\"applied\":12,\"duplicates\":1,\"rejected\":3,\"lagEvents\":0}");
        }
    }

    /** applied of a partition-N document, counted of a counters-N one, -1 if absent. */
    private long stored(String key) {
        Document d = mongo.getCollection(ProgressStore.COLLECTION).find(new Document("_id", key)).first();
        if (d == null) {
            return -1;
        }
        return key.startsWith("counters-") ? d.getLong("counted") : d.getLong("applied");
    }
}
