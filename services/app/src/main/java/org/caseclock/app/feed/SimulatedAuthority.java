package org.caseclock.app.feed;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.caseclock.events.CaseEvent;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.output.EventPoster;
import org.caseclock.simulator.output.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Feeds the app a simulated authority through the public ingest API, {@code POST /api/events} on
 * this very server: the history first, as fast as ingest takes it, then live events as they
 * happen. On a restart it carries on the run its data directory remembers.
 */
@Component
// Off for an external client, and when the sample SSD extract feeds the app instead (SampleSsdExtract).
@ConditionalOnExpression("${caseclock.simulator.enabled:true} and !${caseclock.feeds.sample:false}")
public class SimulatedAuthority extends LocalIngestFeed {

    private static final Logger log = LoggerFactory.getLogger(SimulatedAuthority.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private final SimulatorProperties settings;
    private final PrintStream logLines = LogLines.to(log);
    private volatile boolean historySent;

    SimulatedAuthority(SimulatorProperties settings, WebServerApplicationContext server) {
        super(server, "simulator");
        this.settings = settings;
    }

    /** Whether the history (and any catch-up after a pause) has been accepted by ingest; live events follow. */
    public boolean historySent() {
        return historySent;
    }

    @Override
    void run(URI ingest) {
        try {
            feed(new EventPoster(ingest, logLines));
        } catch (InterruptedException e) {
            log.info("Simulator stopped");
        } catch (IOException | RuntimeException e) {
            log.error("Simulator stopped: {}", e.toString(), e);
        }
    }

    private void feed(EventPoster poster) throws IOException, InterruptedException {
        SimulatedRun run = resumeOrStart();
        Simulator simulator = new Simulator(run.config());
        if (run.sentUpTo() == null) {
            log.info("Simulating {} (about {} open cases, {} months of history to {}); back-filling through {}",
                    run.config().source(), run.openCases(), run.historyMonths(), run.historyEnd(), "POST /api/events");
            send(simulator.history(), poster, "back-fill");
            run = keep(run.sentUpTo(run.historyEnd()));
        } else {
            log.info("Carrying on the simulated run in {}: remaking the {} events sent up to {}, without sending them",
                    settings.stateFile(), run.config().source(), run.sentUpTo());
            simulator.history().forEach(e -> { });
            simulator.liveUntil(run.sentUpTo()).forEach(e -> { });
        }
        Instant catchUpTo = run.simulatedAt(Instant.now(), settings.speed());
        if (catchUpTo.isAfter(run.sentUpTo())) {
            // Whatever the plan says should be out by now: the time the app was stopped, for one.
            send(simulator.liveUntil(catchUpTo), poster, "catch-up");
            run = keep(run.sentUpTo(catchUpTo));
        }
        historySent = true;
        live(simulator, run, poster);
    }

    private SimulatedRun resumeOrStart() {
        SimulatedRun kept = SimulatedRun.load(settings.stateFile());
        if (kept == null) {
            return keep(SimulatedRun.start(settings, Instant.now()));
        }
        if (!kept.makesTheSameEventsAs(settings)) {
            throw new IllegalStateException("The data holds a simulated run with seed " + kept.seed() + ", "
                    + kept.openCases() + " open cases, " + kept.historyMonths() + " months and authority "
                    + kept.authority() + " (" + settings.stateFile() + "); these settings would mix a second"
                    + " authority's children into it. Start with the same settings, or remove the data directory.");
        }
        return kept;
    }

    private SimulatedRun keep(SimulatedRun run) {
        run.save(settings.stateFile());
        return run;
    }

    /** Everything in {@code events}, in batches, as fast as ingest takes them. */
    private void send(Stream<CaseEvent> events, EventPoster poster, String what) throws IOException, InterruptedException {
        Progress progress = new Progress(logLines, what);
        List<CaseEvent> batch = new ArrayList<>(settings.batch());
        for (Iterator<CaseEvent> it = events.iterator(); it.hasNext(); ) {
            CaseEvent event = it.next();
            batch.add(event);
            progress.sent(event);
            if (batch.size() == settings.batch()) {
                post(poster, batch);
            }
        }
        post(poster, batch);
        progress.done();
        log.info("{} sent: {} events accepted, {} rejected so far; the engine applies them in the background"
                + " (GET /api/status)", what, poster.accepted(), poster.rejected());
    }

    /** Live time, a tick a second, at most {@code rate} events a second. */
    private void live(Simulator simulator, SimulatedRun run, EventPoster poster) throws IOException, InterruptedException {
        log.info("Simulator live from {}, {} times faster than real time until it catches up with the clock,"
                + " at most {} events a second", run.sentUpTo(), settings.speed(), settings.rate());
        int perSecond = (int) Math.max(1, Math.floor(settings.rate()));
        long sent = 0;
        Instant nextReport = Instant.now().plus(REPORT_EVERY);
        while (!Thread.currentThread().isInterrupted()) {
            Instant tickEnds = Instant.now().plus(TICK);
            Instant until = run.simulatedAt(Instant.now(), settings.speed());
            List<CaseEvent> due = simulator.liveUntil(until).toList();
            for (int from = 0; from < due.size(); from += perSecond) {
                if (from > 0) {
                    Thread.sleep(TICK.toMillis());
                }
                post(poster, new ArrayList<>(due.subList(from, Math.min(due.size(), from + perSecond))));
            }
            sent += due.size();
            if (!due.isEmpty()) {
                run = keep(run.sentUpTo(until));
            }
            if (Instant.now().isAfter(nextReport)) {
                nextReport = Instant.now().plus(REPORT_EVERY);
                log.info("Simulator live: {} events sent, simulated time {}", sent, until);
            }
            long rest = Duration.between(Instant.now(), tickEnds).toMillis();
            if (rest > 0) {
                Thread.sleep(rest);
            }
        }
        throw new InterruptedException();
    }

    private static void post(EventPoster poster, List<CaseEvent> batch) throws IOException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        poster.post(batch);
        batch.clear();
    }
}
