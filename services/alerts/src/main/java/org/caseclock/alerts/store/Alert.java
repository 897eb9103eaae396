package org.caseclock.alerts.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;

/**
 * An alert as the engine publishes it on {@code alerts} (docs/engine.md): OPEN once, then at most
 * one RESOLVED under the same id. Read from JSON, so a record missing what every notice needs is
 * refused here rather than half-delivered.
 */
public record Alert(
        String id,
        String code,
        String subject,
        String itemId,
        String team,
        String worker,
        Instant raisedAt,
        LocalDate due,
        Instant deadline,
        State state,
        Instant resolvedAt) {

    public enum State { OPEN, RESOLVED }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(state, "state");
    }

    Document toDocument() {
        return new Document("id", id)
                .append("code", code)
                .append("subject", subject)
                .append("itemId", itemId)
                .append("team", team)
                .append("worker", worker)
                .append("raisedAt", date(raisedAt))
                // ISO text: sorts in date order and reads as the API shows it.
                .append("due", due == null ? null : due.toString())
                .append("deadline", date(deadline))
                .append("state", state.name())
                .append("resolvedAt", date(resolvedAt));
    }

    static Alert of(Document d) {
        String due = d.getString("due");
        return new Alert(d.getString("id"), d.getString("code"), d.getString("subject"), d.getString("itemId"),
                d.getString("team"), d.getString("worker"), instant(d, "raisedAt"), due == null ? null : LocalDate.parse(due),
                instant(d, "deadline"), State.valueOf(d.getString("state")), instant(d, "resolvedAt"));
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
