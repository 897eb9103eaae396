package org.caseclock.alerts.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.caseclock.events.out.Alert;

/**
 * How an {@link Alert} (the output contract's record) and instants are kept in this service's collections:
 * instants as BSON dates, so the escalation check can range over {@code raisedAt}; dates as ISO text.
 */
final class AlertDocuments {

    private AlertDocuments() {
    }

    static Document toDocument(Alert a) {
        return new Document("id", a.id())
                .append("code", a.code())
                .append("subject", a.subject())
                .append("itemId", a.itemId())
                .append("team", a.team())
                .append("worker", a.worker())
                .append("raisedAt", date(a.raisedAt()))
                // ISO text: sorts in date order and reads as the API shows it.
                .append("due", a.due() == null ? null : a.due().toString())
                .append("deadline", date(a.deadline()))
                .append("state", a.state().name())
                .append("resolvedAt", date(a.resolvedAt()));
    }

    static Alert alert(Document d) {
        String due = d.getString("due");
        return new Alert(d.getString("id"), d.getString("code"), d.getString("subject"), d.getString("itemId"),
                d.getString("team"), d.getString("worker"), instant(d, "raisedAt"), due == null ? null : LocalDate.parse(due),
                instant(d, "deadline"), Alert.State.valueOf(d.getString("state")), instant(d, "resolvedAt"));
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
