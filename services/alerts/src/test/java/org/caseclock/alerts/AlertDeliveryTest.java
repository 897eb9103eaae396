package org.caseclock.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.caseclock.alerts.delivery.DeliveryWorker;
import org.caseclock.alerts.delivery.Escalator;
import org.caseclock.alerts.delivery.Signature;
import org.caseclock.alerts.kafka.AlertsKafkaConfig;
import org.caseclock.alerts.kafka.AlertsListener;
import org.caseclock.alerts.store.Delivery;
import org.caseclock.alerts.store.Outbox;
import org.caseclock.events.Topics;
import org.caseclock.events.out.Alert;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.caseclock.events.out.AlertDelivery.State;
import org.caseclock.events.out.OutputSchemas;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.local.LocalMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alerts service against a real (embedded, KRaft) broker, the Mongo stand-in through the real
 * driver, a GreenMail SMTP server and a webhook receiver on loopback. Each test uses its own team,
 * so its e-mails and requests are told apart from the others' by address and alert id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Another service's group in the shared settings must not become this one's.
        "spring.kafka.consumer.group-id=caseclock-query",
        "spring.mail.host=127.0.0.1",
        "caseclock.alerts.webhook.secret=" + AlertDeliveryTest.SECRET,
        "caseclock.alerts.defaults.manager=duty-manager@caseclock.test",
        "caseclock.alerts.defaults.escalation=head-of-service@caseclock.test",
        "caseclock.alerts.teams.T1.manager=t1-manager@caseclock.test",
        "caseclock.alerts.teams.T2.manager=t2-manager@caseclock.test",
        "caseclock.alerts.teams.T4.manager=t4-manager@caseclock.test",
        "caseclock.alerts.teams.T4.escalation=t4-escalation@caseclock.test",
        "caseclock.alerts.teams.T5.manager=t5-manager@caseclock.test",
        "caseclock.alerts.escalate-after=2d",
        // The tests run the check themselves, after moving the clock.
        "caseclock.alerts.escalation-check-interval=1h",
        "caseclock.alerts.delivery.poll-interval=50ms",
        "caseclock.alerts.delivery.initial-backoff=100ms",
        "caseclock.alerts.delivery.max-backoff=400ms",
        "caseclock.alerts.delivery.failing-after=2"})
@AutoConfigureMetrics
@DirtiesContext
@AutoConfigureTestRestTemplate
class AlertDeliveryTest {

    static final String SECRET = "test-webhook-secret";
    static final String GROUP = "caseclock-alerts";
    // After the engine raises the tests' MC15 alerts (Thu 9 Apr 2026 23:00:01 UTC), well before they would escalate.
    static final Instant NOW = Instant.parse("2026-04-10T08:00:00Z");
    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary().withTopics(2, Topics.ALERTS);
    static final LocalMongoServer MONGO = LocalMongoServer.inMemory(0);
    static final WebhookReceiver WEBHOOK = new WebhookReceiver();
    static final TestClock CLOCK = new TestClock(NOW);
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("caseclock"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("caseclock.alerts.webhook.url", WEBHOOK::url);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return CLOCK;
        }
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Autowired
    Outbox outbox;
    @Autowired
    Escalator escalator;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void resetClock() {
        CLOCK.set(NOW);
    }

    @AfterAll
    static void stopReceiver() {
        WEBHOOK.close();
    }

    @Test
    void thirdMissingEpisodeWithNoStrategyDiscussion_raisesOneEmailToTheManagerAndOneSignedWebhook_andALateDiscussionOneMoreEach()
            throws Exception {
        // Given the engine: a child of team T1 goes missing a third time in April on Thu 2 Apr 2026.
        // MC15 wants a strategy discussion within 3 working days; Fri 3 Apr (Good Friday) and
        // Mon 6 Apr (Easter Monday) are holidays, so it is due Thu 9 Apr, overdue from midnight
        // London time (BST: 23:00 UTC on the 9th).
        String child = "child/C1001";
        String alertId = "MC15|" + child + "|2026-04";
        try (EngineRun engine = new EngineRun("2026-04-09T12:00:00Z")) {
            missingThreeTimes(engine, child, "T1");
            engine.advanceTo("2026-04-09T22:59:00Z");
            assertThat(engine.alerts()).isEmpty();

            // When the deadline passes on the wall clock, and the engine's alert records reach the topic
            engine.advanceTo("2026-04-09T23:00:01Z");
            List<KeyValue<String, String>> raised = engine.alerts();
            assertThat(raised).singleElement().satisfies(r -> assertThat(r.key).isEqualTo(alertId));
            produce(raised);

            // Then the team's manager gets exactly one e-mail and the webhook exactly one signed POST
            await().atMost(30, TimeUnit.SECONDS).until(() -> mailsTo("t1-manager@caseclock.test").size() == 1
                    && WEBHOOK.requests(alertId).size() == 1);
            MimeMessage mail = mailsTo("t1-manager@caseclock.test").get(0);
            assertThat(mail.getSubject()).isEqualTo("[caseclock] Overdue: MC15 Repeat missing children with a missing "
                    + "strategy discussion - child/C1001 (team T1)");
            assertThat(GreenMailUtil.getBody(mail)).contains("Due:       Thu 9 Apr 2026", "Worker:    W7",
                    "Dashboard: http://localhost:8080/#/team/T1");
            WebhookReceiver.Request post = WEBHOOK.requests(alertId).get(0);
            assertThat(post.signature()).isEqualTo(Signature.of(SECRET, post.body()));
            assertThat(post.deliveryId()).isEqualTo(outbox.find(alertId + "|OPEN|webhook").orElseThrow().deliveryId());
            JsonNode body = JSON.readTree(post.body());
            assertThat(body.get("notice").asText()).isEqualTo("OPEN");
            assertThat(body.get("alert").get("due").asText()).isEqualTo("2026-04-09");
            // the alert exactly as the alerts topic carries it
            assertThat(OutputSchemas.validate(Alert.class, body.get("alert"))).isEmpty();
            assertThat(body.get("indicator").asText()).isEqualTo("Repeat missing children with a missing strategy discussion");
            assertThat(body.get("dashboardUrl").asText()).isEqualTo("http://localhost:8080/#/team/T1");

            // When the strategy discussion is held late, on Mon 13 Apr
            engine.advanceTo("2026-04-13T12:00:00Z");
            engine.send(child, "StrategyDiscussionHeld", "2026-04-13T10:00:00Z", "strategyId", "S1", "reason", "MISSING");
            List<KeyValue<String, String>> resolved = engine.alerts();
            assertThat(resolved).singleElement().satisfies(r -> assertThat(r.value).contains("\"RESOLVED\""));
            produce(resolved);
        }

        // Then exactly one more of each, saying it is resolved
        await().atMost(30, TimeUnit.SECONDS).until(() -> mailsTo("t1-manager@caseclock.test").size() == 2
                && WEBHOOK.requests(alertId).size() == 2);
        assertThat(mailsTo("t1-manager@caseclock.test").get(1).getSubject()).startsWith("[caseclock] Resolved: MC15");
        WebhookReceiver.Request post = WEBHOOK.requests(alertId).get(1);
        assertThat(post.notice()).isEqualTo("RESOLVED");
        assertThat(post.signature()).isEqualTo(Signature.of(SECRET, post.body()));
        settle();
        assertThat(mailsTo("t1-manager@caseclock.test")).hasSize(2);
        assertThat(WEBHOOK.requests(alertId)).hasSize(2);
        assertThat(outbox.ofAlert(alertId)).extracting(Delivery::id, Delivery::state, Delivery::attempts)
                .containsExactlyInAnyOrder(
                        tuple(alertId + "|OPEN|webhook", State.DELIVERED, 1),
                        tuple(alertId + "|OPEN|email", State.DELIVERED, 1),
                        tuple(alertId + "|RESOLVED|webhook", State.DELIVERED, 1),
                        tuple(alertId + "|RESOLVED|email", State.DELIVERED, 1));
    }

    @Test
    void alertRecordsDeliveredAgain_producedTwiceAndReReadAfterAConsumerRestart_sendNothingMore() throws Exception {
        // Given an alert raised and resolved, each notice delivered once
        String child = "child/C1002";
        String alertId = "MC15|" + child + "|2026-04";
        List<KeyValue<String, String>> records;
        try (EngineRun engine = new EngineRun("2026-04-09T12:00:00Z")) {
            missingThreeTimes(engine, child, "T2");
            engine.advanceTo("2026-04-09T23:00:01Z");
            engine.advanceTo("2026-04-14T12:00:00Z");
            engine.send(child, "StrategyDiscussionHeld", "2026-04-14T09:00:00Z", "strategyId", "S2", "reason", "MISSING");
            records = engine.alerts();
        }
        assertThat(records).hasSize(2);
        produce(records);
        await().atMost(30, TimeUnit.SECONDS).until(() -> mailsTo("t2-manager@caseclock.test").size() == 2
                && WEBHOOK.requests(alertId).size() == 2);

        // When the same records are produced again, and the consumer restarts and reads the topic from the start
        produce(records);
        bindings.stop(AlertsKafkaConfig.BINDING);
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(List.of(Topics.ALERTS)).allTopicNames().get().get(Topics.ALERTS)
                    .partitions().stream().map(p -> new TopicPartition(Topics.ALERTS, p.partition()))
                    .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(GROUP, partitions).all().get();
        }
        bindings.start(AlertsKafkaConfig.BINDING);
        awaitConsumed();

        // Then nothing more is sent: the outbox already held every notice
        settle();
        assertThat(mailsTo("t2-manager@caseclock.test")).hasSize(2);
        assertThat(WEBHOOK.requests(alertId)).hasSize(2);
        assertThat(outbox.ofAlert(alertId)).hasSize(4).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(State.DELIVERED);
            assertThat(d.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aWebhookFailingTwiceThenSucceeding_receivesItOnceSuccessfullyOnTheThirdAttempt_loggedInAlertDeliveries() throws Exception {
        // Given a receiver that answers 500 twice, an unreadable record on the topic, and an MC6
        // alert of a team with no route of its own
        String alertId = "MC6|child/C1003|E77";
        WEBHOOK.failNext(alertId, 2);
        produce(List.of(new KeyValue<>("garbage", "{not json"), alertRecord(alertId, "T9", NOW.minusSeconds(60))));

        // When the worker retries with back-off
        await().atMost(30, TimeUnit.SECONDS).until(() -> WEBHOOK.requests(alertId).stream().anyMatch(r -> r.status() == 200));

        // Then three attempts, one of them 2xx, each the same signed delivery; the log says so
        settle();
        List<WebhookReceiver.Request> posts = WEBHOOK.requests(alertId);
        assertThat(posts).extracting(WebhookReceiver.Request::status).containsExactly(500, 500, 200);
        assertThat(posts).extracting(WebhookReceiver.Request::deliveryId).containsOnly(posts.get(0).deliveryId());
        assertThat(posts).allSatisfy(p -> assertThat(p.signature()).isEqualTo(Signature.of(SECRET, p.body())));
        Delivery logged = outbox.find(alertId + "|OPEN|webhook").orElseThrow();
        assertThat(logged.state()).isEqualTo(State.DELIVERED);
        assertThat(logged.attempts()).isEqualTo(3);
        assertThat(logged.lastError()).isEqualTo("IOException: HTTP 500");
        assertThat(logged.deliveredAt()).isNotNull().isAfterOrEqualTo(logged.lastAttemptAt());
        assertThat(logged.recipient()).isEqualTo(WEBHOOK.url());
        // The unlisted team's e-mail went to the default manager, first time
        assertThat(mailsTo("duty-manager@caseclock.test")).hasSize(1);
        assertThat(outbox.find(alertId + "|OPEN|email").orElseThrow().attempts()).isEqualTo(1);
        // And the metrics count the failures, the attempts and the unreadable record
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).containsPattern("caseclock_alerts_deliveries_total\\{[^}]*channel=\"webhook\"[^}]*outcome=\"failed\"[^}]*} [2-9]");
        assertThat(metrics).containsPattern("caseclock_alerts_records_rejected_total\\{[^}]*} [1-9]");
        assertThat(metrics).contains("caseclock_alerts_delivery_attempts_max{", "caseclock_alerts_outbox_unsent{");
    }

    @Test
    void anUnreadableRecordOnAlerts_landsInTheDlqAsItWasNamingWhy_andTheAlertAfterItIsStillAnnounced() throws Exception {
        // Given a record that is not an alert, then a readable MC6 alert behind it on the same partition
        String alertId = "MC6|child/C1004|E78";
        produce(List.of(new KeyValue<>("child/C1004", "{\"alertId\": "), alertRecord(alertId, "T5", NOW.minusSeconds(60))));

        // When the alerts consumer has read both
        awaitConsumed();

        // Then the unreadable one is in alerts.dlq, byte for byte, with the binder's reason header
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            dlq.subscribe(List.of(Topics.ALERTS_DLQ));
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(30, TimeUnit.SECONDS).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().anyMatch(r -> "child/C1004".equals(r.key()));
            });
            ConsumerRecord<String, String> poison = dead.stream().filter(r -> "child/C1004".equals(r.key())).findFirst().orElseThrow();
            assertThat(poison.value()).isEqualTo("{\"alertId\": ");
            assertThat(new String(poison.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).value(), StandardCharsets.UTF_8))
                    .contains(AlertsListener.UnreadableAlert.class.getName() + ": unreadable alert record: UnexpectedEndOfInputException");
            assertThat(new String(poison.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.ALERTS);
        }
        // And the alert behind it was taken into the outbox as usual
        await().atMost(30, TimeUnit.SECONDS).until(() -> outbox.find(alertId + "|OPEN|webhook").isPresent());
    }

    @Test
    void anAlertLeftOpenPastTheEscalationTime_reachesTheEscalationAddressExactlyOnce_evenAfterAFurtherCheck() throws Exception {
        // Given an alert of team T4 raised now, its manager told
        String alertId = "MC6|child/C1004|E88";
        produce(List.of(alertRecord(alertId, "T4", CLOCK.instant())));
        await().atMost(30, TimeUnit.SECONDS).until(() -> mailsTo("t4-manager@caseclock.test").size() == 1);
        assertThat(escalator.check()).isZero();

        // When it is still open two days and a minute later
        CLOCK.advance(Duration.ofDays(2).plusMinutes(1));
        escalator.check();

        // Then the escalation address gets one e-mail, and a further check sends nothing more
        await().atMost(30, TimeUnit.SECONDS).until(() -> mailsTo("t4-escalation@caseclock.test").size() == 1);
        assertThat(escalator.check()).isZero();
        settle();
        assertThat(mailsTo("t4-escalation@caseclock.test")).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).startsWith("[caseclock] Still overdue after 2 days: MC6"));
        assertThat(mailsTo("t4-manager@caseclock.test")).hasSize(1);
        assertThat(WEBHOOK.requests(alertId)).hasSize(1);
        assertThat(outbox.find(alertId + "|" + Notice.ESCALATION + "|email").orElseThrow().state())
                .isEqualTo(State.DELIVERED);
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).containsPattern("caseclock_alerts_escalations_total\\{[^}]*} [1-9]");
    }

    private static void missingThreeTimes(EngineRun engine, String child, String team) {
        engine.send(child, "CaseAllocated", "2026-03-01T09:00:00Z", "team", team, "worker", "W7");
        engine.send(child, "MissingEpisodeStarted", "2026-04-01T08:00:00Z", "episodeId", "M1");
        engine.send(child, "MissingEpisodeStarted", "2026-04-02T08:00:00Z", "episodeId", "M2");
        engine.send(child, "MissingEpisodeStarted", "2026-04-02T20:00:00Z", "episodeId", "M3");
    }

    /** An OPEN alert record in the engine's JSON (docs/engine.md). */
    private static KeyValue<String, String> alertRecord(String id, String team, Instant raisedAt) {
        String[] parts = id.split("\\|");
        return new KeyValue<>(id, "{\"id\": \"" + id + "\", \"code\": \"" + parts[0] + "\", \"subject\": \"" + parts[1]
                + "\", \"itemId\": \"" + parts[2] + "\", \"team\": \"" + team + "\", \"worker\": null, \"raisedAt\": \""
                + raisedAt + "\", \"due\": null, \"deadline\": \"" + raisedAt.minusSeconds(1) + "\", \"state\": \"OPEN\", "
                + "\"resolvedAt\": null}");
    }

    /** As the engine publishes: in a transaction, which read_committed consumers see once it commits. */
    private void produce(List<KeyValue<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-engine-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(r -> producer.send(new ProducerRecord<>(Topics.ALERTS, r.key, r.value)));
            producer.commitTransaction();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    /** Until the group's committed offsets reach the end of every partition. */
    private void awaitConsumed() {
        try (Admin admin = admin()) {
            await().atMost(30, TimeUnit.SECONDS).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                var ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
                return !committed.isEmpty() && committed.entrySet().stream()
                        .allMatch(e -> e.getValue().offset() == ends.get(e.getKey()).offset());
            });
        }
    }

    /** Long enough for several worker passes and retries: anything still to come would have come. */
    private void settle() throws InterruptedException {
        Thread.sleep(600);
        worker.runOnce();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
