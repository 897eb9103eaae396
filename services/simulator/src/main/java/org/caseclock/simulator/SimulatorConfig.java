package org.caseclock.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.caseclock.catalogue.time.London;

/**
 * Everything that shapes a simulated authority. Two simulators with equal configurations send
 * exactly the same events.
 *
 * @param seed       drives every random choice
 * @param now        the end of the history; live events continue after it
 * @param history    how much fully simulated activity precedes {@code now}
 * @param openCases  roughly how many children's cases are open at any time
 * @param authority  a short name, used in the CloudEvents {@code source} ("sim/{authority}")
 * @param lateness   how punctual each activity is
 * @param recording  how late, twice or wrongly events are recorded
 */
public record SimulatorConfig(
        long seed,
        Instant now,
        Period history,
        int openCases,
        String authority,
        Lateness lateness,
        Recording recording) {

    /**
     * Cases already open when the history starts were opened earlier. Their structural events
     * (referral, plan and care starts, placements, allocations) are sent however old they are, but
     * routine activity only from this long before the history starts: enough for every recurring
     * rule (the longest interval is 12 months) to find its latest activity and count.
     */
    public static final Period OPENING_LOOKBACK = Period.ofMonths(13);

    public SimulatorConfig {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(lateness, "lateness");
        Objects.requireNonNull(recording, "recording");
        if (openCases < 1) {
            throw new IllegalArgumentException("openCases must be at least 1");
        }
        if (authority == null || !authority.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("authority must be 1..40 characters of [a-z0-9-]");
        }
        now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A mid-sized authority: 4,000 open cases and 14 months of history ending at {@code now}. */
    public static SimulatorConfig defaults(long seed, Instant now) {
        return new SimulatorConfig(seed, now, Period.ofMonths(14), 4000, "riverside", Lateness.usual(), Recording.usual());
    }

    public SimulatorConfig withOpenCases(int n) {
        return new SimulatorConfig(seed, now, history, n, authority, lateness, recording);
    }

    public SimulatorConfig withHistory(Period period) {
        return new SimulatorConfig(seed, now, period, openCases, authority, lateness, recording);
    }

    public SimulatorConfig withAuthority(String name) {
        return new SimulatorConfig(seed, now, history, openCases, name, lateness, recording);
    }

    public SimulatorConfig withLateness(Lateness value) {
        return new SimulatorConfig(seed, now, history, openCases, authority, value, recording);
    }

    public SimulatorConfig withRecording(Recording value) {
        return new SimulatorConfig(seed, now, history, openCases, authority, lateness, value);
    }

    public String source() {
        return "sim/" + authority;
    }

    /** The first day of fully simulated activity. */
    public LocalDate historyStart() {
        return London.date(now).minus(history);
    }

    /** Routine activity older than this is not sent (see {@link #OPENING_LOOKBACK}). */
    public Instant routineFrom() {
        return London.startOfDay(historyStart().minus(OPENING_LOOKBACK));
    }
}
