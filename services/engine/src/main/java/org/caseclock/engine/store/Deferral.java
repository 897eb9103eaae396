package org.caseclock.engine.store;

import java.time.Instant;

/**
 * A subject whose evaluation is put off while events pour in (a back-fill), so it is evaluated
 * once for many events rather than once per event: at {@code due} at the latest.
 */
public record Deferral(Instant due) {}
