package org.caseclock.alerts.store;

import org.caseclock.events.out.Alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.caseclock.events.out.AlertDelivery.State;
import org.caseclock.events.out.AlertDelivery;
import org.caseclock.local.LocalMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The outbox and alert states on the Mongo stand-in through the real driver. */
class OutboxTest {

    static final LocalMongoServer MONGO = LocalMongoServer.inMemory(0);
    static final MongoClient CLIENT = MongoClients.create(MONGO.uri("outbox-test"));
    static final MongoDatabase DATABASE = CLIENT.getDatabase("outbox-test");
    static final Instant T0 = Instant.parse("2026-04-10T08:00:00Z");

    final List<AlertDelivery> published = new ArrayList<>();
    final Outbox outbox = new Outbox(DATABASE, published::add);
    final AlertStates states = new AlertStates(DATABASE);

    @AfterAll
    static void close() {
        CLIENT.close();
        MONGO.close();
    }

    private static Alert alert(String id, Alert.State state) {
        return new Alert(id, "MC6", "child/C1", "E1", "T1", "W1", T0, null, T0.minusSeconds(1), state,
                state == Alert.State.RESOLVED ? T0.plusSeconds(3600) : null);
    }

    @Test
    void aNoticeIsQueuedOncePerChannel_theSameAlertAgainFindsItsIdAndAddsNothing() {
        // Given an alert queued for two channels
        Alert a = alert("MC6|child/C1|E1", Alert.State.OPEN);
        assertThat(outbox.enqueue(a, Notice.OPEN, "webhook", T0)).isTrue();
        assertThat(outbox.enqueue(a, Notice.OPEN, "email", T0)).isTrue();

        // When the same record is consumed again
        boolean again = outbox.enqueue(a, Notice.OPEN, "webhook", T0.plusSeconds(5));

        // Then nothing is added; the ids are alertId|notice|channel, with a delivery id free of the subject
        assertThat(again).isFalse();
        assertThat(outbox.ofAlert(a.id())).extracting(Delivery::id)
                .containsExactlyInAnyOrder("MC6|child/C1|E1|OPEN|webhook", "MC6|child/C1|E1|OPEN|email");
        assertThat(outbox.find("MC6|child/C1|E1|OPEN|webhook").orElseThrow().deliveryId())
                .doesNotContain("child").hasSize(36);
    }

    @Test
    void failedAttemptsBecomeFailingAfterTheLimitButStayDue_thenADeliveryIsLoggedWithAttemptsAndTimes() {
        // Given a queued delivery
        Alert a = alert("MC6|child/C1|E2", Alert.State.OPEN);
        outbox.enqueue(a, Notice.OPEN, "webhook", T0);
        Delivery d = outbox.find("MC6|child/C1|E2|OPEN|webhook").orElseThrow();
        assertThat(outbox.due(T0, 100)).extracting(Delivery::id).contains(d.id());

        // When claimed (a second claim of the same read loses), and two attempts fail with a limit of 2
        assertThat(outbox.claim(d, T0.plusSeconds(120))).isTrue();
        assertThat(outbox.claim(d, T0.plusSeconds(120))).isFalse();
        assertThat(outbox.failed(d, T0, T0.plusSeconds(1), "IOException: HTTP 500", 2)).isEqualTo(State.PENDING);
        d = outbox.find(d.id()).orElseThrow();
        assertThat(outbox.failed(d, T0.plusSeconds(1), T0.plusSeconds(3), "IOException: HTTP 500", 2))
                .isEqualTo(State.FAILING);

        // Then it is FAILING and still due for another try at its next attempt time
        d = outbox.find(d.id()).orElseThrow();
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(outbox.due(T0.plusSeconds(2), 100)).extracting(Delivery::id).doesNotContain(d.id());
        assertThat(outbox.due(T0.plusSeconds(3), 100)).extracting(Delivery::id).contains(d.id());
        assertThat(outbox.unsent().get(State.FAILING)).isGreaterThanOrEqualTo(1);

        // When the third attempt succeeds
        outbox.delivered(d, T0.plusSeconds(3), T0.plusSeconds(4), "https://hooks.test/x");

        // Then the log shows it delivered, with attempts and times, and it is no longer due
        Delivery done = outbox.find(d.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(State.DELIVERED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.lastAttemptAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(done.deliveredAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(done.alert()).isEqualTo(a);
        assertThat(outbox.due(T0.plusSeconds(3600), 100)).extracting(Delivery::id).doesNotContain(d.id());
    }

    @Test
    void everyChangeOfADelivery_isPublishedAsItIsStored_queuedThenFailedThenDelivered_andAQueuedAgainNotAtAll() {
        // Given an OPEN notice queued for the webhook, and queued again (the alert record read twice)
        Alert a = alert("MC6|child/C9|E1", Alert.State.OPEN);
        outbox.enqueue(a, Notice.OPEN, "webhook", T0);
        outbox.enqueue(a, Notice.OPEN, "webhook", T0.plusSeconds(5));
        Delivery d = outbox.find(Delivery.idOf(a.id(), Notice.OPEN, "webhook")).orElseThrow();

        // When one attempt fails and the next is delivered
        outbox.failed(d, T0.plusSeconds(1), T0.plusSeconds(2), "IOException: HTTP 500", 5);
        outbox.delivered(outbox.find(d.id()).orElseThrow(), T0.plusSeconds(2), T0.plusSeconds(3), "https://hooks.test/x");

        // Then three states went out, in order, each as stored; the second enqueue published nothing
        assertThat(published).extracting(AlertDelivery::state, AlertDelivery::attempts, AlertDelivery::lastAttemptAt,
                        AlertDelivery::deliveredAt)
                .containsExactly(tuple(State.PENDING, 0, null, null), tuple(State.PENDING, 1, T0.plusSeconds(1), null),
                        tuple(State.DELIVERED, 2, T0.plusSeconds(2), T0.plusSeconds(3)));
        assertThat(published).extracting(AlertDelivery::id).containsOnly("MC6|child/C9|E1|OPEN|webhook");
        assertThat(published).extracting(AlertDelivery::alertId).containsOnly(a.id());
        assertThat(published.get(0).deliveryId()).isEqualTo(d.deliveryId());
    }

    @Test
    void alertStates_resolvedIsFinal_aReplayedOpenDoesNotReopenIt_andOnlyUnescalatedOpenOnesAreDue() {
        // Given an alert raised then resolved, and another left open
        Alert resolved = alert("MC6|child/C1|E3", Alert.State.RESOLVED);
        states.record(alert(resolved.id(), Alert.State.OPEN), T0);
        states.record(resolved, T0);
        Alert open = alert("MC6|child/C1|E4", Alert.State.OPEN);
        states.record(open, T0);

        // When the OPEN record of the resolved one is read again
        states.record(alert(resolved.id(), Alert.State.OPEN), T0.plusSeconds(10));

        // Then it stays resolved, and only the open one is due for escalation, until marked
        assertThat(states.find(resolved.id()).orElseThrow().state()).isEqualTo(Alert.State.RESOLVED);
        assertThat(states.openRaisedBefore(T0, 100)).extracting(Alert::id).contains(open.id()).doesNotContain(resolved.id());
        assertThat(states.openRaisedBefore(T0.minusSeconds(1), 100)).extracting(Alert::id).doesNotContain(open.id());
        states.markEscalated(open.id(), T0.plusSeconds(60));
        assertThat(states.openRaisedBefore(T0, 100)).extracting(Alert::id).doesNotContain(open.id());
    }
}
