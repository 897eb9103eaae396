package org.caseclock.engine.store;

import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseclock.events.out.Progress;

/** A task's running {@link Progress}, kept in a state store until it is published. */
public final class ProgressStore {

    private ProgressStore() {
    }

    /** Applies one step to the counts under {@code key} (zero when none yet). */
    public static void count(KeyValueStore<String, Progress> store, String key, UnaryOperator<Progress> step) {
        Progress p = store.get(key);
        store.put(key, step.apply(p == null ? Progress.ZERO : p));
    }
}
