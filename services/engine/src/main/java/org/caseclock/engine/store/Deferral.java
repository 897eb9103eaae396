package org.caseclock.engine.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A subject whose evaluation is put off while events pour in (a back-fill), so it is evaluated
 * once when they stop rather than once per event: due {@code quiet} after its latest event, but
 * never later than {@code maxDelay} after the first one put off.
 */
public record Deferral(Instant first, Instant due) {

    public static Deferral next(Deferral current, Instant now, Duration quiet, Duration maxDelay) {
        Instant first = current == null ? now : current.first();
        Instant due = now.plus(quiet);
        Instant cap = first.plus(maxDelay);
        return new Deferral(first, due.isAfter(cap) ? cap : due);
    }
}
