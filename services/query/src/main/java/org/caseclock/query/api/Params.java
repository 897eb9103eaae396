package org.caseclock.query.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caseclock.events.out.Alert;
import org.caseclock.events.out.Scope;
import org.caseclock.events.out.Status;
import org.caseclock.query.store.ItemStore;

/** Request parameters checked and parsed; a bad one is a 400 naming it. */
final class Params {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** What {@code status} may be: an item's status, or AT_RISK, the list of the items at risk (each with its own status). */
    private static final List<String> STATUSES = Stream.concat(Stream.of(Status.values()).map(Status::name),
            Stream.of(ItemStore.AT_RISK)).sorted().toList();

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

    /** Whether {@code status} asks for the items at risk rather than the items of one status. */
    static boolean atRisk(String status) {
        return ItemStore.AT_RISK.equals(status);
    }

    /** The status asked for; null when not given. AT_RISK is no status: ask {@link #atRisk} first. */
    static Status status(String text) {
        try {
            return text == null ? null : Status.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("status must be one of " + STATUSES);
        }
    }

    static Alert.State alertState(String text) {
        try {
            return text == null ? null : Alert.State.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("state must be OPEN or RESOLVED");
        }
    }

    static int months(int months) {
        if (months < 1 || months > 120) {
            throw new BadRequest("months must be between 1 and 120");
        }
        return months;
    }
}
