package org.caseclock.simulator.cli;

import java.time.Instant;

/**
 * Maps the wall clock to simulated time for live sending: from where the history ended, time
 * runs {@code speed} times faster until it catches up with the wall clock, then in step with
 * it. Simulated time never passes the wall clock, so no event sent is ever in the future.
 */
record LiveClock(Instant simulatedStart, Instant wallStart, double speed) {

    Instant simulated(Instant wall) {
        double elapsedMillis = wall.toEpochMilli() - wallStart.toEpochMilli();
        Instant fast = simulatedStart.plusMillis(Math.round(elapsedMillis * speed));
        return fast.isAfter(wall) ? wall : fast;
    }
}
