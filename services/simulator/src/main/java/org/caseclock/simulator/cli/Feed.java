package org.caseclock.simulator.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.output.EventPoster;
import org.caseclock.simulator.output.Progress;

/** {@code --post}: back-fills the history in batches, then keeps sending live events at a bounded rate. */
final class Feed {

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final Simulator simulator;
    private final Options options;
    private final PrintStream log;
    private final EventPoster poster;

    Feed(Simulator simulator, Options options, PrintStream log) {
        this.simulator = simulator;
        this.options = options;
        this.log = log;
        this.poster = new EventPoster(options.post(), log);
    }

    void run() throws IOException, InterruptedException {
        backfill();
        if (options.liveFor() == null || !options.liveFor().isZero()) {
            live();
        }
    }

    private void backfill() throws IOException, InterruptedException {
        Progress progress = new Progress(log, "back-fill");
        List<CaseEvent> batch = new ArrayList<>(options.batch());
        for (Iterator<CaseEvent> events = simulator.history().iterator(); events.hasNext(); ) {
            CaseEvent event = events.next();
            batch.add(event);
            progress.sent(event);
            if (batch.size() == options.batch()) {
                poster.post(batch);
                batch.clear();
            }
        }
        poster.post(batch);
        progress.done();
        log.printf("back-fill: %,d accepted, %,d rejected%n", poster.accepted(), poster.rejected());
    }

    private void live() throws IOException, InterruptedException {
        Instant started = Instant.now();
        LiveClock clock = new LiveClock(simulator.sentUpTo(), started, options.speed());
        Instant stopAt = options.liveFor() == null ? Instant.MAX : started.plus(options.liveFor());
        Instant nextReport = started.plus(REPORT_EVERY);
        long sent = 0;
        List<CaseEvent> batch = new ArrayList<>();
        log.printf("live: from %s at %.0fx until caught up with the clock, at most %.0f events/s%n",
                simulator.sentUpTo(), options.speed(), options.rate());
        while (Instant.now().isBefore(stopAt)) {
            Instant tickEnds = Instant.now().plus(TICK);
            Instant simulated = clock.simulated(Instant.now());
            for (Iterator<CaseEvent> events = simulator.liveUntil(simulated).iterator(); events.hasNext(); ) {
                Instant allowed = started.plusMillis(Math.round(sent * 1000 / options.rate()));
                if (Instant.now().isBefore(allowed)) {
                    poster.post(batch);
                    batch.clear();
                    sleepUntil(allowed);
                }
                batch.add(events.next());
                sent++;
            }
            poster.post(batch);
            batch.clear();
            if (!Instant.now().isBefore(nextReport)) {
                nextReport = Instant.now().plus(REPORT_EVERY);
                log.printf("live: %,d sent (%,d accepted, %,d rejected), simulated time %s%n",
                        sent, poster.accepted(), poster.rejected(), simulated);
            }
            sleepUntil(tickEnds);
        }
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
