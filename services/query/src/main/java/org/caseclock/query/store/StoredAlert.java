package org.caseclock.query.store;

import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;

/** An alert as the engine publishes it on {@code alerts}: OPEN, then RESOLVED under the same key. */
public record StoredAlert(
        String id,
        String code,
        String subject,
        String itemId,
        String team,
        String worker,
        Instant raisedAt,
        LocalDate due,
        Instant deadline,
        String state,
        Instant resolvedAt) {

    public Document toDocument(String key) {
        return new Document("_id", key)
                .append("id", id)
                .append("code", code)
                .append("subject", subject)
                .append("itemId", itemId)
                .append("team", team)
                .append("worker", worker)
                .append("raisedAt", Bson.date(raisedAt))
                .append("due", Bson.text(due))
                .append("deadline", Bson.date(deadline))
                .append("state", state)
                .append("resolvedAt", Bson.date(resolvedAt));
    }

    public static StoredAlert of(Document d) {
        return new StoredAlert(d.getString("id"), d.getString("code"), d.getString("subject"), d.getString("itemId"),
                d.getString("team"), d.getString("worker"), Bson.instant(d, "raisedAt"), Bson.localDate(d, "due"),
                Bson.instant(d, "deadline"), d.getString("state"), Bson.instant(d, "resolvedAt"));
    }
}
