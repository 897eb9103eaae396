package org.caseclock.engine.store;

import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Running counts for one input partition, published on {@code engine-progress}: the query
 * service sums them for {@code /api/status}. Duplicates count as applied: they are handled.
 */
public record Progress(long accepted, long applied, long duplicates, long rejected) {

    public static final Progress ZERO = new Progress(0, 0, 0, 0);

    public static String keyOf(int partition) {
        return "partition-" + partition;
    }

    public static void count(KeyValueStore<String, Progress> store, int partition, UnaryOperator<Progress> step) {
        String key = keyOf(partition);
        Progress p = store.get(key);
        store.put(key, step.apply(p == null ? ZERO : p));
    }

    public Progress withApplied() {
        return new Progress(accepted + 1, applied + 1, duplicates, rejected);
    }

    public Progress withDuplicate() {
        return new Progress(accepted + 1, applied + 1, duplicates + 1, rejected);
    }

    public Progress withRejected() {
        return new Progress(accepted, applied, duplicates, rejected + 1);
    }
}
