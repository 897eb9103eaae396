package org.caseclock.engine.store;

import java.time.Instant;
import java.time.LocalDate;

/** An alert on an item of an alerting indicator: OPEN when it went overdue, RESOLVED when dealt with. */
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

    public static String idOf(String code, String subject, String itemId) {
        return code + "|" + subject + "|" + itemId;
    }

    public Alert resolved(Instant at) {
        return new Alert(id, code, subject, itemId, team, worker, raisedAt, due, deadline, State.RESOLVED, at);
    }
}
