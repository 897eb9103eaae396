package org.caseclock.query.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.bson.Document;

/**
 * How values are kept in documents: instants as BSON dates (the engine's are whole milliseconds),
 * dates and months as ISO text, which sorts in date order and is what the API shows.
 */
final class BsonValues {

    private BsonValues() {}

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static String text(Object dateOrMonth) {
        return dateOrMonth == null ? null : dateOrMonth.toString();
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static LocalDate localDate(Document d, String field) {
        String s = d.getString(field);
        return s == null ? null : LocalDate.parse(s);
    }

    static YearMonth yearMonth(Document d, String field) {
        String s = d.getString(field);
        return s == null ? null : YearMonth.parse(s);
    }

    static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    static Long nullableNumber(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? null : n.longValue();
    }
}
