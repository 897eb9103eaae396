package org.caseclock.feeds.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.SsdFeed;
import org.caseclock.feeds.delivery.Sender;
import org.caseclock.simulator.output.EventPoster;
import org.caseclock.simulator.output.Ndjson;

/** The command line: send an SSD extract, or every new day's extract, to a running caseclock. */
public final class Main {

    static final String USAGE = """
            usage: feeds --from DIR (--post URL | --dry-run) [options]
              --from DIR        an SSD extract (a folder of <table>.csv), or a folder of dated extracts (yyyy-MM-dd)
              --post URL        POST the events to URL, e.g. http://localhost:8080/api/events
              --dry-run         print the events that would be sent (NDJSON) and the report; keep nothing
              --state DIR       what was sent per row, and the run reports (default ./data/feeds)
              --source NAME     the events' source (default ssd)
              --watch           keep running: pick up each new dated folder under --from
              --every DURATION  with --watch, how often to look (ISO-8601, default PT1H)
            """;

    private Main() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path from = null;
        URI post = null;
        boolean dryRun = false;
        boolean watch = false;
        Path state = Path.of("data", "feeds");
        String source = "ssd";
        Duration every = Duration.ofHours(1);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--from" -> from = Path.of(args[++i]);
                    case "--post" -> post = URI.create(args[++i]);
                    case "--dry-run" -> dryRun = true;
                    case "--state" -> state = Path.of(args[++i]);
                    case "--source" -> source = args[++i];
                    case "--watch" -> watch = true;
                    case "--every" -> every = Duration.parse(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (from == null || (post == null) == !dryRun) {
                throw new IllegalArgumentException("give --from, and one of --post or --dry-run");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | DateTimeParseException e) {
            System.err.println(e.getMessage() == null ? "missing value" : e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        PrintStream log = System.err;
        Sender sender = dryRun ? printer(System.out) : new EventPoster(post, log)::post;
        SsdFeed feed = new SsdFeed(state, source, Clock.systemUTC());
        do {
            for (RunReport report : feed.runNew(from, sender, dryRun)) {
                log.println(summary(report));
                if (dryRun) {
                    System.out.println(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
                }
            }
            if (watch) {
                Thread.sleep(every.toMillis());
            }
        } while (watch);
    }

    static String summary(RunReport report) {
        return "%s %s: %d events sent %s, %d unchanged, %d retracted, %d rows not converted, %d tables kept as before"
                .formatted(report.feed(), report.extract(), report.sentTotal(), report.sent(), report.unchanged(),
                        report.retractions(), report.notConverted().size(), report.tablesKept().size());
    }

    private static Sender printer(PrintStream out) {
        Ndjson ndjson = new Ndjson();
        return (List<CaseEvent> events) -> {
            events.forEach(e -> out.println(ndjson.line(e)));
            return List.of();
        };
    }
}
