package org.caseclock.simulator.sim;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/** Items in order of an instant, ties in insertion order, so that runs are reproducible. */
final class TimeQueue<T> {

    private record Entry<T>(long epochSecond, long sequence, T item) {}

    private final PriorityQueue<Entry<T>> entries = new PriorityQueue<>(
            Comparator.<Entry<T>>comparingLong(Entry::epochSecond).thenComparingLong(Entry::sequence));
    private long sequence;

    void add(Instant at, T item) {
        entries.add(new Entry<>(at.getEpochSecond(), sequence++, item));
    }

    /** The earliest instant, in epoch seconds; {@link Long#MAX_VALUE} when empty. */
    long nextSecond() {
        Entry<T> head = entries.peek();
        return head == null ? Long.MAX_VALUE : head.epochSecond();
    }

    T poll() {
        return entries.poll().item();
    }
}
