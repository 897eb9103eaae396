package org.caseclock.simulator.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.caseclock.simulator.Lateness;
import org.caseclock.simulator.SimulatorConfig;

/** The command line, parsed and checked; see README.md for what each flag means. */
record Options(
        long seed,
        Instant now,
        int openCases,
        int historyMonths,
        String authority,
        double lateness,
        Path ndjson,
        int liveDays,
        URI post,
        int batch,
        double rate,
        double speed,
        Duration catchUp,
        Duration liveFor,
        boolean help) {

    static final String USAGE = """
            usage: simulator (--ndjson FILE | --post URL) [options]
              --ndjson FILE          write the history as NDJSON to FILE ("-" for standard output)
              --live-days N          with --ndjson: append N days of live events after --now (default 0)
              --post URL             POST the history in batches to URL, then send live events
              --batch N              events per POST while back-filling (default 1000)
              --rate R               live events per second at most (default 50)
              --catch-up-days D      end the history D days ago and send those days live (default 0)
              --speed N              send catch-up days N times faster than real time (default 1)
              --live-hours H         stop after H hours of live sending; 0 = back-fill only (default: run until stopped)
              --seed N               the run's seed (default 1)
              --now TIME             the history's end, RFC 3339 (default: the clock, less --catch-up-days)
              --open-cases N         open cases at any time (default 4000)
              --history-months N     months of history (default 14)
              --authority NAME       names the source, sim/NAME (default riverside)
              --lateness F           scale every activity's lateness by F (default 1; 2 = twice as late)
              --help                 this text
            """;

    static Options parse(String[] args, Instant clock) {
        Parser p = new Parser(args);
        long seed = 1;
        Instant now = null;
        int openCases = 4000;
        int historyMonths = 14;
        String authority = "riverside";
        double lateness = 1;
        Path ndjson = null;
        int liveDays = 0;
        URI post = null;
        int batch = 1000;
        double rate = 50;
        double speed = 1;
        double catchUpDays = 0;
        Duration liveFor = null;
        boolean help = false;
        while (p.more()) {
            String flag = p.flag();
            switch (flag) {
                case "--seed" -> seed = Long.parseLong(p.value(flag));
                case "--now" -> now = instant(p.value(flag));
                case "--open-cases" -> openCases = positive(flag, Integer.parseInt(p.value(flag)));
                case "--history-months" -> historyMonths = positive(flag, Integer.parseInt(p.value(flag)));
                case "--authority" -> authority = p.value(flag);
                case "--lateness" -> lateness = Double.parseDouble(p.value(flag));
                case "--ndjson" -> ndjson = Path.of(p.value(flag));
                case "--live-days" -> liveDays = Integer.parseInt(p.value(flag));
                case "--post" -> post = URI.create(p.value(flag));
                case "--batch" -> batch = positive(flag, Integer.parseInt(p.value(flag)));
                case "--rate" -> rate = Double.parseDouble(p.value(flag));
                case "--speed" -> speed = Double.parseDouble(p.value(flag));
                case "--catch-up-days" -> catchUpDays = Double.parseDouble(p.value(flag));
                case "--live-hours" -> liveFor = Duration.ofSeconds(Math.round(Double.parseDouble(p.value(flag)) * 3600));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (!help && (ndjson == null) == (post == null)) {
            throw new IllegalArgumentException("give exactly one of --ndjson FILE and --post URL");
        }
        if (speed < 1 || rate <= 0 || lateness <= 0 || liveDays < 0 || catchUpDays < 0) {
            throw new IllegalArgumentException("--speed must be at least 1; --rate and --lateness positive; days not negative");
        }
        if (post != null && now != null && now.isAfter(clock)) {
            throw new IllegalArgumentException("--now must not be in the future when posting: ingest rejects events from the future");
        }
        Duration catchUp = Duration.ofSeconds(Math.round(catchUpDays * 86_400));
        return new Options(seed, now != null ? now : clock.minus(catchUp), openCases, historyMonths, authority,
                lateness, ndjson, liveDays, post, batch, rate, speed, catchUp, liveFor, help);
    }

    SimulatorConfig config() {
        SimulatorConfig config = SimulatorConfig.defaults(seed, now)
                .withOpenCases(openCases)
                .withHistory(Period.ofMonths(historyMonths))
                .withAuthority(authority);
        return lateness == 1 ? config : config.withLateness(Lateness.usual().scaled(lateness));
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--now must be RFC 3339 with an offset, e.g. 2026-01-15T10:30:00Z");
        }
    }

    private static int positive(String flag, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1");
        }
        return value;
    }

    private static final class Parser {
        private final String[] args;
        private int at;

        Parser(String[] args) {
            this.args = args;
        }

        boolean more() {
            return at < args.length;
        }

        String flag() {
            return args[at++];
        }

        String value(String flag) {
            if (at >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[at++];
        }
    }
}
