package org.caseclock.simulator.sim;

/**
 * Event ids: a tag for the run, then a counter. Re-sending a run is idempotent (the same ids),
 * while runs with another seed or end date cannot collide with it. Fixed-width base 36 keeps
 * the code-point order of ids equal to the order they were made in, which is how the contract
 * breaks ties between events at the same instant.
 */
final class EventIds {

    private final String prefix;
    private long next;

    EventIds(long seed, long nowEpochSecond) {
        long mixed = (seed * 0x9E3779B97F4A7C15L) ^ nowEpochSecond;
        String tag = Long.toString(Math.floorMod(mixed, 36L * 36 * 36 * 36 * 36 * 36), 36);
        this.prefix = "sim-" + "0".repeat(6 - tag.length()) + tag + "-";
    }

    String next() {
        String count = Long.toString(next++, 36);
        return prefix + "0".repeat(Math.max(0, 9 - count.length())) + count;
    }
}
