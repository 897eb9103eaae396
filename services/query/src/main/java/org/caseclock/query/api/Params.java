package org.caseclock.query.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import org.caseclock.query.store.ItemStore;
import org.caseclock.query.store.Scope;

/** Request parameters checked and parsed; a bad one is a 400 naming it. */
final class Params {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** The items' statuses, and AT_RISK, the list of the items at risk (each with its own status). */
    private static final Set<String> STATUSES = Set.of(ItemStore.OVERDUE, ItemStore.DUE_SOON, ItemStore.IN_TIME,
            ItemStore.PENDING, "ON_TIME", "LATE", "CANCELLED", "MET", "NOT_MET", "COUNTED", ItemStore.AT_RISK);
    private static final Set<String> ALERT_STATES = Set.of("OPEN", "RESOLVED");

    private Params() {}

    static Scope scope(String text) {
        try {
            return Scope.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** Null when not given. */
    static YearMonth period(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (MONTH.matcher(text).matches()) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new BadRequest("period must be a month as YYYY-MM");
    }

    static String status(String text) {
        if (text != null && !STATUSES.contains(text)) {
            throw new BadRequest("status must be one of " + STATUSES.stream().sorted().toList());
        }
        return text;
    }

    static String alertState(String text) {
        if (text != null && !ALERT_STATES.contains(text)) {
            throw new BadRequest("state must be OPEN or RESOLVED");
        }
        return text;
    }

    static int months(int months) {
        if (months < 1 || months > 120) {
            throw new BadRequest("months must be between 1 and 120");
        }
        return months;
    }
}
