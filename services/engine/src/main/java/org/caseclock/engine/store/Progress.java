package org.caseclock.engine.store;

import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Running counts published on {@code engine-progress}, summed by the query service for
 * {@code /api/status}. Subject tasks (key {@code partition-N}) count events accepted, applied
 * (duplicates included: they are handled), duplicates, rejected, and the contribution deltas
 * they sent; counter tasks (key {@code counters-N}) count the deltas they have summed. Counter
 * values are complete once every delta sent has been counted.
 */
public record Progress(long accepted, long applied, long duplicates, long rejected, long contributions, long counted) {

    public static final Progress ZERO = new Progress(0, 0, 0, 0, 0, 0);

    public static String keyOf(int partition) {
        return "partition-" + partition;
    }

    public static String countersKeyOf(int partition) {
        return "counters-" + partition;
    }

    public static void count(KeyValueStore<String, Progress> store, String key, UnaryOperator<Progress> step) {
        Progress p = store.get(key);
        store.put(key, step.apply(p == null ? ZERO : p));
    }

    public Progress withAccepted() {
        return new Progress(accepted + 1, applied, duplicates, rejected, contributions, counted);
    }

    public Progress withApplied(long n) {
        return new Progress(accepted, applied + n, duplicates, rejected, contributions, counted);
    }

    public Progress withDuplicate() {
        return new Progress(accepted + 1, applied + 1, duplicates + 1, rejected, contributions, counted);
    }

    public Progress withRejected() {
        return new Progress(accepted, applied, duplicates, rejected + 1, contributions, counted);
    }

    public Progress withContributions(long n) {
        return new Progress(accepted, applied, duplicates, rejected, contributions + n, counted);
    }

    public Progress withCounted() {
        return new Progress(accepted, applied, duplicates, rejected, contributions, counted + 1);
    }
}
