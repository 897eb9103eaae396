package org.caseclock.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.caseclock.alerts.delivery.LogChannel;
import org.caseclock.alerts.store.Delivery;
import org.caseclock.events.out.AlertDelivery;
import org.caseclock.alerts.store.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * The alerts service runs inside the all-in-one app: events posted to its ingest make the engine
 * raise MC6 and MC15 alerts, the alerts service's listener queues them in its outbox
 * and its worker delivers them on the log channel (no webhook or mail server configured), and the
 * query side's {@code /api/alerts} shows each delivery, read from the alert-deliveries topic. No simulator: only the test's own children.
 */
@SpringBootTest(classes = CaseclockApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "caseclock.local.kafka.port=0",
                "caseclock.local.mongodb.port=0",
                "caseclock.simulator.enabled=false",
                "caseclock.alerts.delivery.poll-interval=200ms",
                // The hand-worked deadlines below are in October 2026: long past, so beyond the
                // default 7-day alert horizon. Delivery is what this test is about.
                "caseclock.engine.alert-horizon=3650d"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class AlertsInAppTest {

    static final String TEAM = "AT-1";
    static final String RETURNED = "child/AT0001";
    static final String REPEAT_MISSING = "child/AT0002";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    static final Path DATA = DataDirs.fresh();

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    @AfterAll
    static void forgetDataDir() {
        DataDirs.forget();
    }

    @Test
    void overdueReturnInterviewAndStrategyDiscussion_areDeliveredOnTheLogChannel_andShownOnTheirAlerts(CapturedOutput output)
            throws Exception {
        RestClient api = RestClient.create("http://127.0.0.1:" + port);

        // Given a child back from a missing episode on Tue 6 Oct 2026 08:00 UTC with no return
        // interview: MC6 wants one within 72 hours, so it is overdue from Fri 9 Oct 08:00 UTC.
        // And a child missing a third time in October on Wed 7 Oct 2026 with no strategy
        // discussion: MC15 wants one within 3 working days (Thu 8, Fri 9, Mon 12), due Mon 12 Oct.
        List<String> events = new ArrayList<>();
        child(events, RETURNED);
        events.add(event(RETURNED, "MissingEpisodeStarted", "2026-10-05T20:00:00Z", "\"episodeId\": \"AT-M1\""));
        events.add(event(RETURNED, "MissingEpisodeEnded", "2026-10-06T08:00:00Z", "\"episodeId\": \"AT-M1\""));
        child(events, REPEAT_MISSING);
        events.add(event(REPEAT_MISSING, "MissingEpisodeStarted", "2026-10-05T21:00:00Z", "\"episodeId\": \"AT-M2\""));
        events.add(event(REPEAT_MISSING, "MissingEpisodeStarted", "2026-10-06T21:00:00Z", "\"episodeId\": \"AT-M3\""));
        events.add(event(REPEAT_MISSING, "MissingEpisodeStarted", "2026-10-07T21:00:00Z", "\"episodeId\": \"AT-M4\""));

        // When they are posted to the app, long after both deadlines
        post(api, String.join("\n", events) + "\n");

        // Then each alert is raised, queued in the alerts service's outbox and delivered on the log channel
        String returnInterview = "MC6|" + RETURNED + "|AT-M1";
        String strategyDiscussion = "MC15|" + REPEAT_MISSING + "|2026-10";
        JsonNode mc6 = awaitAlert(api, returnInterview, a -> deliveries(a).contains("OPEN log DELIVERED"));
        assertThat(mc6.path("state").asText()).isEqualTo("OPEN");
        assertThat(mc6.path("due").asText()).isEqualTo("2026-10-09");
        JsonNode mc15 = awaitAlert(api, strategyDiscussion, a -> deliveries(a).contains("OPEN log DELIVERED"));
        assertThat(mc15.path("due").asText()).isEqualTo("2026-10-12");
        assertThat(mc15.path("team").asText()).isEqualTo(TEAM);
        assertThat(outbox.find(returnInterview + "|OPEN|log")).get()
                .extracting(Delivery::state, Delivery::attempts, Delivery::recipient)
                .containsExactly(AlertDelivery.State.DELIVERED, 1, LogChannel.RECIPIENT);

        // When the return interview is recorded, late, on Sat 10 Oct
        post(api, event(RETURNED, "ReturnInterviewCompleted", "2026-10-10T10:00:00Z", "\"episodeId\": \"AT-M1\"") + "\n");

        // Then the alert is resolved and that is delivered too, once
        mc6 = awaitAlert(api, returnInterview, a -> deliveries(a).contains("RESOLVED log DELIVERED"));
        assertThat(mc6.path("state").asText()).isEqualTo("RESOLVED");
        assertThat(outbox.ofAlert(returnInterview)).extracting(Delivery::id, Delivery::state).containsExactly(
                tuple(returnInterview + "|OPEN|log", AlertDelivery.State.DELIVERED),
                tuple(returnInterview + "|RESOLVED|log", AlertDelivery.State.DELIVERED));

        // And the log says so without naming either child or episode (API.md: no child-level data in logs)
        assertThat(output.getOut()).contains(
                "Alert raised, overdue: MC6 Return home interviews within 72 hours, team AT-1, due 2026-10-09, "
                        + "deadline 2026-10-09T08:00:00Z",
                "Alert raised, overdue: MC15 Repeat missing children with a missing strategy discussion, team AT-1, due 2026-10-12",
                "Alert resolved: MC6 Return home interviews within 72 hours, team AT-1");
        assertThat(output.getAll()).doesNotContain("AT0001", "AT0002", "AT-M1", "AT-M4");
    }

    /** Registered on 1 Oct 2026, thirteen years old, allocated to the test's team. */
    static void child(List<String> events, String subject) {
        events.add(event(subject, "ChildRegistered", "2026-10-01T09:00:00Z", "\"birthDate\": \"2013-06-01\""));
        events.add(event(subject, "CaseAllocated", "2026-10-01T09:30:00Z", "\"team\": \"" + TEAM + "\", \"worker\": \"W-AT\""));
    }

    static String event(String subject, String type, String time, String data) {
        return "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"test/alerts\", "
                + "\"type\": \"" + type + "\", \"subject\": \"" + subject + "\", \"time\": \"" + time + "\", "
                + "\"data\": {" + data + "}}";
    }

    private static void post(RestClient api, String ndjson) throws Exception {
        String answer = api.post().uri("/api/events").contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(ndjson).retrieve().body(String.class);
        assertThat(JSON.readTree(answer).path("rejected")).as(answer).isEmpty();
    }

    /** Polls the team's alerts until the one with this id satisfies {@code done}. */
    private static JsonNode awaitAlert(RestClient api, String id, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode alert : JSON.readTree(api.get().uri("/api/alerts?scope=team/" + TEAM).retrieve().body(String.class))
                    .path("alerts")) {
                if (id.equals(alert.path("id").asText())) {
                    last = alert;
                    if (done.test(alert)) {
                        return alert;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("alert " + id + " not as expected within " + TIMEOUT + "; last seen: " + last);
    }

    /** "notice channel state" of each delivery the API shows on the alert. */
    private static List<String> deliveries(JsonNode alert) {
        List<String> found = new ArrayList<>();
        alert.path("deliveries").forEach(d -> found.add(
                d.path("notice").asText() + " " + d.path("channel").asText() + " " + d.path("state").asText()));
        return found;
    }
}
