package org.caseclock.events.out;

import java.time.Instant;

/**
 * How one notice of an alert went to one channel, as the alerts service publishes it on
 * {@link org.caseclock.events.Topics#ALERT_DELIVERIES} each time it changes (key {@code id}, compacted,
 * so the topic holds the latest state of every delivery). The alerts service writes it; the query service
 * reads it for {@code /api/alerts}. Schema: {@code schemas/out/AlertDelivery.schema.json}. It carries no
 * child id beyond the alert's id, which the query service already holds.
 *
 * @param id {@code alertId|notice|channel}: the unique key that makes a notice happen once per channel
 * @param deliveryId a stable id derived from {@code id}, sent to receivers for their own de-duplication
 */
public record AlertDelivery(
        String id,
        String deliveryId,
        String alertId,
        Notice notice,
        String channel,
        State state,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant deliveredAt) {

    /** What a delivery announces: the alert raised, resolved, or left open too long. */
    public enum Notice { OPEN, RESOLVED, ESCALATION }

    /** PENDING until sent; FAILING once it has failed often enough for someone to look, still retried; DELIVERED. */
    public enum State { PENDING, FAILING, DELIVERED }

    public static String idOf(String alertId, Notice notice, String channel) {
        return alertId + "|" + notice + "|" + channel;
    }
}
