package org.caseclock.query.kafka;

import java.util.List;
import java.util.Map;
import org.caseclock.events.Topics;
import org.caseclock.query.store.ProgressStore;
import org.caseclock.query.store.StoredProgress;
import org.springframework.stereotype.Component;

/**
 * How far the engine's work is visible here. {@code applied} is only reported once its effect is
 * readable: every contribution the subject tasks sent has been counted (so month values are
 * complete) and this service has written everything the engine committed on the items, values
 * and alerts topics. Until both hold again, the last figure that met them stands.
 */
@Component
public class EngineStatus {

    /** The answer of {@code GET /api/status}. */
    public record Status(long accepted, long applied, long duplicates, long rejected, long lagEvents) {}

    private record Visible(long applied, long duplicates) {}

    private static final List<String> MATERIALISED = List.of(Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES, Topics.ALERTS);

    private final ProgressStore progress;
    private final ConsumerLag lag;
    private Visible lastVisible = new Visible(0, 0);

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
        // Read the engine's counts before the offsets: whatever they count was published before them.
        for (Map.Entry<String, StoredProgress> e : progress.all().entrySet()) {
            StoredProgress p = e.getValue();
            if (e.getKey().startsWith("partition-")) {
                applied += p.applied();
                duplicates += p.duplicates();
                rejectedByEngine += p.rejected();
                contributions += p.contributions();
            } else if (e.getKey().startsWith("counters-")) {
                counted += p.counted();
            }
        }
        if (counted == contributions && applied >= lastVisible.applied() && lag.caughtUp(MATERIALISED)) {
            lastVisible = new Visible(applied, duplicates);
        }
        // What the engine rejected reached case-events but was never accepted. Every rejection,
        // ingest's over HTTP and the engine's, is a record of the DLQ.
        long accepted = lag.endOffsetSum(Topics.CASE_EVENTS) - rejectedByEngine;
        long rejected = lag.endOffsetSum(Topics.CASE_EVENTS_DLQ);
        return new Status(accepted, lastVisible.applied(), lastVisible.duplicates(), rejected, accepted - lastVisible.applied());
    }
}
