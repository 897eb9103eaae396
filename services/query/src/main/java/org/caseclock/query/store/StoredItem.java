package org.caseclock.query.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.bson.Document;

/**
 * An item as the engine publishes it on {@code compliance-items} (its {@code PublishedItem}), and
 * as it is kept in MongoDB under its record key. Status stays a string: the engine owns the set.
 * {@code days}: an AVERAGE item's measure (null for other kinds).
 */
public record StoredItem(
        String subject,
        String code,
        String itemId,
        String status,
        String team,
        String service,
        String worker,
        LocalDate entryDate,
        LocalDate lastActivity,
        LocalDate due,
        Instant deadline,
        LocalDate refDate,
        YearMonth period,
        Long days,
        Instant updatedAt) {

    /** Every field, always, in one order: the same record written twice gives the same document. */
    public Document toDocument(String key) {
        return new Document("_id", key)
                .append("subject", subject)
                .append("code", code)
                .append("itemId", itemId)
                .append("status", status)
                .append("team", team)
                .append("service", service)
                .append("worker", worker)
                .append("entryDate", Bson.text(entryDate))
                .append("lastActivity", Bson.text(lastActivity))
                .append("due", Bson.text(due))
                .append("deadline", Bson.date(deadline))
                .append("refDate", Bson.text(refDate))
                .append("period", Bson.text(period))
                .append("days", days)
                .append("updatedAt", Bson.date(updatedAt));
    }

    public static StoredItem of(Document d) {
        return new StoredItem(d.getString("subject"), d.getString("code"), d.getString("itemId"), d.getString("status"),
                d.getString("team"), d.getString("service"), d.getString("worker"),
                Bson.localDate(d, "entryDate"), Bson.localDate(d, "lastActivity"), Bson.localDate(d, "due"),
                Bson.instant(d, "deadline"), Bson.localDate(d, "refDate"), Bson.yearMonth(d, "period"),
                Bson.nullableNumber(d, "days"), Bson.instant(d, "updatedAt"));
    }
}
