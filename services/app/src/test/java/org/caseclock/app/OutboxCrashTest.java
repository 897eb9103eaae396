package org.caseclock.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.caseclock.alerts.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts outbox of the all-in-one app is on disk (its own database in the MongoDB stand-in,
 * each write in the file before it is acknowledged, so before the alerts consumer's offset is
 * committed): a webhook notice still unsent when the app is killed with {@code kill -9} is sent
 * after the restart, once, with the same delivery id, and what was delivered before the kill still
 * shows on {@code /api/alerts}.
 */
class OutboxCrashTest {

    static final String SUBJECT = "child/OC0001";
    static final String ALERT = "MC6|" + SUBJECT + "|OC-M1";
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path data;

    @Test
    void givenAWebhookNoticeRefusedUntilTheKill_whenTheAppIsKilledAndRestarted_thenItIsDeliveredOnceWithTheSameDeliveryIdAndTheLogDeliveryStillShows()
            throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver()) {
            // Given a receiver that answers 500 to every notice of the alert for now
            webhook.failNext(ALERT, Integer.MAX_VALUE);
            int kafka = ForkedApp.freePort();
            String[] settings = {
                    "caseclock.alerts.webhook.url=" + webhook.url(),
                    "caseclock.alerts.webhook.secret=crash-test",
                    "caseclock.alerts.delivery.poll-interval=200ms",
                    "caseclock.alerts.delivery.initial-backoff=500ms",
                    // A delivery claimed when the kill came is due again after this, not the default 2 minutes.
                    "caseclock.alerts.delivery.lease=5s",
                    // The deadline below is long past: within the horizon, so the alert is raised.
                    "caseclock.engine.alert-horizon=3650d"};
            try (ForkedApp app = ForkedApp.app("outbox-killed", data, kafka, settings).startAndAwaitUp()) {
                // and a child back from a missing episode on Tue 6 Oct 2026 08:00 UTC with no return
                // interview: MC6 wants one within 72 hours, so it is overdue from Fri 9 Oct 08:00 UTC
                List<String> events = new ArrayList<>();
                AlertsInAppTest.child(events, SUBJECT);
                events.add(AlertsInAppTest.event(SUBJECT, "MissingEpisodeStarted", "2026-10-05T20:00:00Z", "\"episodeId\": \"OC-M1\""));
                events.add(AlertsInAppTest.event(SUBJECT, "MissingEpisodeEnded", "2026-10-06T08:00:00Z", "\"episodeId\": \"OC-M1\""));
                assertThat(app.post(String.join("\n", events) + "\n").statusCode()).isEqualTo(202);

                // raised, told on the log channel, and refused twice by the webhook
                await(() -> deliveries(app).contains("OPEN log DELIVERED"), "the log delivery");
                await(() -> webhook.requests(ALERT).size() >= 2, "two refused webhook attempts");

                // When the app is killed with SIGKILL while the notice is still unsent
                app.kill();
            }
            List<WebhookReceiver.Request> refused = webhook.requests(ALERT);
            assertThat(refused).extracting(WebhookReceiver.Request::status).containsOnly(500);
            webhook.failNext(ALERT, 0);

            // and started again on its data directory
            try (ForkedApp app = ForkedApp.app("outbox-killed", data, kafka, settings).startAndAwaitUp()) {
                // Then the notice is delivered after the restart
                await(() -> webhook.requests(ALERT).stream().anyMatch(r -> r.status() == 200), "the webhook delivery after the restart");
                await(() -> deliveries(app).contains("OPEN webhook DELIVERED"), "the webhook delivery on /api/alerts");
                // once (a few more of the worker's turns, at 200 ms, add nothing), with the delivery id of every earlier attempt
                ForkedApp.sleep(3_000);
                List<WebhookReceiver.Request> all = webhook.requests(ALERT);
                assertThat(all.stream().filter(r -> r.status() == 200)).hasSize(1);
                assertThat(all).extracting(WebhookReceiver.Request::deliveryId).containsOnly(refused.get(0).deliveryId());
                // and the log channel's delivery, made before the kill, still shows, and was not made again
                assertThat(deliveries(app)).containsExactlyInAnyOrder("OPEN log DELIVERED", "OPEN webhook DELIVERED");
                app.stop();
            }
        }
    }

    /** "notice channel state" of each delivery {@code /api/alerts} shows on the alert; none while it is not there. */
    private static List<String> deliveries(ForkedApp app) {
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode alert : app.get("/api/alerts?scope=LA").path("alerts")) {
                if (ALERT.equals(alert.path("id").asText())) {
                    alert.path("deliveries").forEach(d -> found.add(
                            d.path("notice").asText() + " " + d.path("channel").asText() + " " + d.path("state").asText()));
                }
            }
        } catch (Exception e) {
            // Not up yet: nothing shown.
        }
        return found;
    }

    private static void await(BooleanSupplier done, String what) {
        Instant giveUp = Instant.now().plus(TIMEOUT);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(what + " not seen within " + TIMEOUT);
            }
            ForkedApp.sleep(200);
        }
    }
}
