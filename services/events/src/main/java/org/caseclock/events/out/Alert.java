package org.caseclock.events.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An alert on an item of an alerting indicator, as the engine publishes it on
 * {@link org.caseclock.events.Topics#ALERTS} (key {@link #id}, compacted): OPEN once, when the item went overdue,
 * then at most one RESOLVED under the same id when it was dealt with. The engine writes it; the alerts service
 * sends its notices and the query service lists it. Schema: {@code schemas/out/Alert.schema.json}. Read from
 * JSON, so a record missing what every notice needs is refused here rather than half-delivered.
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

    public static String idOf(String code, String subject, String itemId) {
        return code + "|" + subject + "|" + itemId;
    }

    public Alert resolved(Instant at) {
        return new Alert(id, code, subject, itemId, team, worker, raisedAt, due, deadline, State.RESOLVED, at);
    }
}
