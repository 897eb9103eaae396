package org.caseclock.simulator.output;

import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.caseclock.events.CaseEvent;

/** A line every few seconds on how far a run has got, so a long back-fill is visibly alive. */
public final class Progress {

    private static final long EVERY_NANOS = Duration.ofSeconds(3).toNanos();

    private final PrintStream out;
    private final String what;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private long events;
    private OffsetDateTime lastRecorded;

    public Progress(PrintStream out, String what) {
        this.out = out;
        this.what = what;
    }

    public void sent(CaseEvent event) {
        events++;
        lastRecorded = event.recordedat();
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            print(now);
        }
    }

    public void done() {
        print(System.nanoTime());
    }

    private void print(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        out.printf("%s: %,d events in %.1f s (%,.0f/s), recorded up to %s%n",
                what, events, seconds, events / seconds, lastRecorded == null ? "-" : lastRecorded.toLocalDate());
    }
}
