package org.caseclock.app.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.caseclock.simulator.SimulatorConfig;

/**
 * A simulated authority's run as the data directory remembers it. The simulator is deterministic,
 * so the run's settings and the end of its history are enough to make the same events again: a
 * restart regenerates what was already sent, without sending it, and carries on. Starting a run
 * with other settings on the same data would merge two authorities' children.
 *
 * @param historyEnd where the back-filled history ended
 * @param startedAt the wall-clock instant the run first started; live time is counted from it
 * @param sentUpTo every event up to this simulated instant has been sent; null before the back-fill is done
 */
public record SimulatedRun(
        long seed,
        int openCases,
        int historyMonths,
        String authority,
        Instant historyEnd,
        Instant startedAt,
        Instant sentUpTo) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static SimulatedRun start(SimulatorProperties p, Instant now) {
        Instant end = SimulatorConfig.defaults(p.seed(), now.minus(p.catchUp())).now();
        return new SimulatedRun(p.seed(), p.openCases(), p.historyMonths(), p.authority(), end, now, null);
    }

    SimulatorConfig config() {
        return SimulatorConfig.defaults(seed, historyEnd)
                .withOpenCases(openCases)
                .withHistory(Period.ofMonths(historyMonths))
                .withAuthority(authority);
    }

    /** Whether these settings make the same events as the run kept here. */
    boolean makesTheSameEventsAs(SimulatorProperties p) {
        return seed == p.seed() && openCases == p.openCases() && historyMonths == p.historyMonths()
                && authority.equals(p.authority());
    }

    SimulatedRun sentUpTo(Instant instant) {
        return new SimulatedRun(seed, openCases, historyMonths, authority, historyEnd, startedAt, instant);
    }

    /**
     * The simulated time that should have been sent by {@code wall}: from the end of the history,
     * {@code speed} times faster than the wall clock until it has caught up with it, then in step.
     * Never ahead of the wall clock, so no event is ever in the future when it is sent.
     */
    Instant simulatedAt(Instant wall, double speed) {
        long elapsed = Math.max(0, Duration.between(startedAt, wall).toMillis());
        Instant fast = historyEnd.plusMillis(Math.round(elapsed * speed));
        Instant planned = fast.isAfter(wall) ? wall : fast;
        return sentUpTo != null && sentUpTo.isAfter(planned) ? sentUpTo : planned;
    }

    /** The run kept in {@code file}, or null when there is none. */
    static SimulatedRun load(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), SimulatedRun.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated run kept in " + file, e);
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a file. */
    void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "simulator-run", ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the simulated run in " + file, e);
        }
    }
}
