package org.caseclock.events.out;

/**
 * Running counts the engine publishes on {@link org.caseclock.events.Topics#ENGINE_PROGRESS} (compacted), summed
 * by the query service for {@code /api/status}. Schema: {@code schemas/out/Progress.schema.json}. Subject tasks
 * (key {@link #keyOf}) count events accepted, applied (duplicates included: they are handled), duplicates,
 * rejected, and the contribution deltas they sent; counter tasks (key {@link #countersKeyOf}) count the deltas
 * they have summed, and {@code position}: the offset after the last delta summed on their contributions
 * partition. Counter values are complete once every delta sent has been counted; those sent before a
 * contributions offset once every counter task's position has passed it (which is how a back-fill's progress
 * can be shown while deltas are still being sent).
 */
public record Progress(long accepted, long applied, long duplicates, long rejected, long contributions, long counted,
        long position) {

    public static final Progress ZERO = new Progress(0, 0, 0, 0, 0, 0, 0);

    public static String keyOf(int partition) {
        return "partition-" + partition;
    }

    public static String countersKeyOf(int partition) {
        return "counters-" + partition;
    }

    public Progress withAccepted() {
        return new Progress(accepted + 1, applied, duplicates, rejected, contributions, counted, position);
    }

    public Progress withApplied(long n) {
        return new Progress(accepted, applied + n, duplicates, rejected, contributions, counted, position);
    }

    public Progress withDuplicate() {
        return new Progress(accepted + 1, applied + 1, duplicates + 1, rejected, contributions, counted, position);
    }

    public Progress withRejected() {
        return new Progress(accepted, applied, duplicates, rejected + 1, contributions, counted, position);
    }

    public Progress withContributions(long n) {
        return new Progress(accepted, applied, duplicates, rejected, contributions + n, counted, position);
    }

    /** One more delta summed, the one at {@code offset} of this task's contributions partition. */
    public Progress withCounted(long offset) {
        return new Progress(accepted, applied, duplicates, rejected, contributions, counted + 1, Math.max(position, offset + 1));
    }
}
