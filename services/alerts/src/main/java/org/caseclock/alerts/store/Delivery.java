package org.caseclock.alerts.store;

import org.caseclock.events.out.Alert;
import static org.caseclock.alerts.store.AlertDocuments.date;
import static org.caseclock.alerts.store.AlertDocuments.instant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.caseclock.events.out.AlertDelivery.State;
import org.caseclock.events.out.AlertDelivery;

/**
 * One notice to one channel, as kept in {@code alert_deliveries}: the outbox entry and, once
 * sent, its line in the delivery log. The alert is copied in as it was when the notice was due,
 * so every attempt sends the same content.
 *
 * @param id {@code alertId|notice|channel}: the unique key that makes a notice happen once
 * @param deliveryId a stable id derived from {@code id} that carries no subject id, so it can be
 *     logged and sent to receivers for their own de-duplication
 */
public record Delivery(
        String id,
        String deliveryId,
        Notice notice,
        String channel,
        State state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        String lastError,
        String recipient,
        Alert alert) {

    public static String idOf(String alertId, Notice notice, String channel) {
        return AlertDelivery.idOf(alertId, notice, channel);
    }

    static String deliveryIdOf(String id) {
        return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Delivery pending(Alert alert, Notice notice, String channel, Instant now) {
        String id = idOf(alert.id(), notice, channel);
        return new Delivery(id, deliveryIdOf(id), notice, channel, State.PENDING, 0, now, now, null, null, null, null, alert);
    }

    /** What the alerts service publishes of it on alert-deliveries: its state, no content or recipient. */
    public AlertDelivery published() {
        return new AlertDelivery(id, deliveryId, alert.id(), notice, channel, state, attempts, createdAt, lastAttemptAt,
                deliveredAt);
    }

    Document toDocument() {
        return new Document("_id", id)
                .append("deliveryId", deliveryId)
                // Top level, so the query service finds an alert's deliveries by index.
                .append("alertId", alert.id())
                .append("notice", notice.name())
                .append("channel", channel)
                .append("state", state.name())
                .append("attempts", attempts)
                .append("createdAt", date(createdAt))
                .append("nextAttemptAt", date(nextAttemptAt))
                .append("lastAttemptAt", date(lastAttemptAt))
                .append("deliveredAt", date(deliveredAt))
                .append("lastError", lastError)
                .append("recipient", recipient)
                .append("alert", AlertDocuments.toDocument(alert));
    }

    static Delivery of(Document d) {
        return new Delivery(d.getString("_id"), d.getString("deliveryId"), Notice.valueOf(d.getString("notice")),
                d.getString("channel"), State.valueOf(d.getString("state")), d.getInteger("attempts", 0),
                instant(d, "createdAt"), instant(d, "nextAttemptAt"), instant(d, "lastAttemptAt"), instant(d, "deliveredAt"),
                d.getString("lastError"), d.getString("recipient"), AlertDocuments.alert(d.get("alert", Document.class)));
    }
}
