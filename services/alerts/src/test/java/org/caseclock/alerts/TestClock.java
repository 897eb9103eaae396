package org.caseclock.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time, shifted to start at a chosen instant: back-offs still elapse as they would, and a
 * test can jump days ahead for the escalation check.
 */
final class TestClock extends Clock {

    private volatile Duration offset;

    TestClock(Instant now) {
        set(now);
    }

    void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    void advance(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
