package org.caseclock.query.kafka;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.caseclock.events.Topics;
import org.caseclock.query.store.ProgressStore;
import org.caseclock.events.out.Progress;
import org.springframework.stereotype.Component;

/**
 * How far the engine's work is visible here. {@code applied} is only reported once its effect is
 * readable; until then the last figure that was stands. A figure becomes readable in one of two ways:
 * <ul>
 * <li>At rest: every contribution the subject tasks sent has been counted (so month values are
 * complete) and this service has written everything the engine committed on the items, values and
 * alerts topics.</li>
 * <li>During a back-fill, when that never holds, a figure seen earlier is shown once its effects have
 * caught up: (1) when it was seen, the contributions topic ended at offsets E, so every delta behind
 * it lies below E; (2) once every counter task has counted past E and said so (a counter says so
 * only with all its month values published), the items, values and alerts topics are read again
 * and end at M; (3) once this service has committed M, everything the figure stands for is here.</li>
 * </ul>
 * Each request to {@code /api/status} takes one more figure and moves the earlier ones along, so
 * {@code applied} rises with the engine's work, a step or two behind it, and never ahead of the
 * query endpoints.
 */
@Component
public class EngineStatus {

    /** The answer of {@code GET /api/status}. */
    public record Status(long accepted, long applied, long duplicates, long rejected, long lagEvents) {}

    private record Visible(long applied, long duplicates) {}

    /** A figure on its way to being shown; {@code materialised} is null until step (2) is reached. */
    private record Pending(Visible figure, Map<TopicPartition, Long> contributions, Map<TopicPartition, Long> materialised) {}

    private static final List<String> MATERIALISED = List.of(Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES, Topics.ALERTS);

    /** Enough for the figures of several requests in flight; beyond it the newest is replaced. */
    private static final int MAX_PENDING = 8;

    private final ProgressStore progress;
    private final ConsumerLag lag;
    private Visible lastVisible = new Visible(0, 0);
    private final Deque<Pending> pending = new ArrayDeque<>();

    EngineStatus(ProgressStore progress, ConsumerLag lag) {
        this.progress = progress;
        this.lag = lag;
    }

    public synchronized Status now() {
        long applied = 0;
        long duplicates = 0;
        long rejectedByEngine = 0;
        long contributions = 0;
        long counted = 0;
        Map<Integer, Long> counterPositions = new HashMap<>();
        // Read the engine's counts before the offsets: whatever they count was published before them.
        for (Map.Entry<String, Progress> e : progress.all().entrySet()) {
            Progress p = e.getValue();
            if (e.getKey().startsWith("partition-")) {
                applied += p.applied();
                duplicates += p.duplicates();
                rejectedByEngine += p.rejected();
                contributions += p.contributions();
            } else if (e.getKey().startsWith("counters-")) {
                counted += p.counted();
                counterPositions.put(Integer.parseInt(e.getKey().substring("counters-".length())), p.position());
            }
        }
        Visible seen = new Visible(applied, duplicates);
        if (counted == contributions && applied >= lastVisible.applied() && lag.caughtUp(MATERIALISED)) {
            show(seen);
        } else if (applied > lastVisible.applied()) {
            await(seen);
        }
        advance(counterPositions);
        // What the engine rejected reached case-events but was never accepted. Every rejection,
        // ingest's over HTTP and the engine's, is a record of the DLQ.
        long accepted = lag.endOffsetSum(Topics.CASE_EVENTS) - rejectedByEngine;
        long rejected = lag.endOffsetSum(Topics.CASE_EVENTS_DLQ);
        return new Status(accepted, lastVisible.applied(), lastVisible.duplicates(), rejected, accepted - lastVisible.applied());
    }

    private void show(Visible figure) {
        lastVisible = figure;
        pending.removeIf(p -> p.figure().applied() <= figure.applied());
    }

    /** Step (1): the figure and where the contributions topic ends now. */
    private void await(Visible figure) {
        if (!pending.isEmpty() && pending.peekLast().figure().applied() >= figure.applied()) {
            return;
        }
        Map<TopicPartition, Long> contributions = lag.committedEnds(List.of(Topics.CONTRIBUTIONS));
        if (contributions.isEmpty()) {
            return; // no contributions topic (yet): nothing to measure the counters against
        }
        Pending p = new Pending(figure, contributions, null);
        if (pending.size() >= MAX_PENDING) {
            pending.pollLast();
        }
        pending.addLast(p);
    }

    /** Steps (2) and (3) for each figure waiting, oldest first; the newest that is through is shown. */
    private void advance(Map<Integer, Long> counterPositions) {
        Visible through = null;
        for (Pending p : List.copyOf(pending)) {
            Pending next = p;
            if (next.materialised() == null && counted(next.contributions(), counterPositions)) {
                next = new Pending(p.figure(), p.contributions(), lag.committedEnds(MATERIALISED));
                replace(p, next);
            }
            if (next.materialised() != null && lag.committedUpTo(next.materialised())) {
                through = next.figure();
            }
        }
        if (through != null && through.applied() > lastVisible.applied()) {
            show(through);
        }
    }

    private static boolean counted(Map<TopicPartition, Long> contributionEnds, Map<Integer, Long> counterPositions) {
        return contributionEnds.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || counterPositions.getOrDefault(e.getKey().partition(), 0L) >= e.getValue());
    }

    private void replace(Pending old, Pending next) {
        Deque<Pending> copy = new ArrayDeque<>();
        pending.forEach(p -> copy.addLast(p == old ? next : p));
        pending.clear();
        pending.addAll(copy);
    }
}
