package org.caseclock.feeds.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.SsdFeed;
import org.caseclock.feeds.annexa.AnnexAFeed;
import org.caseclock.feeds.cin.CensusDateCheck;
import org.caseclock.feeds.cin.CinCensusFeed;
import org.caseclock.feeds.ssda903.Ssda903Feed;
import org.caseclock.feeds.delivery.Sender;
import org.caseclock.simulator.output.EventPoster;
import org.caseclock.simulator.output.Ndjson;

/** The command line: send an SSD extract, every new day's extract, or a statutory return to a running caseclock. */
public final class Main {

    static final String USAGE = """
            usage: feeds (--from DIR | --cin-census FILE | --ssda903 DIR | --annex-a FILE) (--post URL | --dry-run) [options]
                   feeds --census-check FILE [--at DATE]
              --from DIR        an SSD extract (a folder of <table>.csv), or a folder of dated extracts (yyyy-MM-dd)
              --cin-census FILE a children in need census (the DfE's XML, 2022-23 to 2025-26)
              --ssda903 DIR     an SSDA903 return: a folder of its CSV tables (Header, Episodes, Reviews, Missing, OC3)
              --annex-a FILE    an Ofsted Annex A workbook (.xlsx, a sheet a list, "List 1" to "List 11")
              --census-check FILE  list the census's open assessments and S47 enquiries over the DfE's
                                timescales (8670Q, 8675Q) at its census date, or at --at DATE (yyyy-MM-dd)
              --post URL        POST the events to URL, e.g. http://localhost:8080/api/events
              --dry-run         print the events that would be sent (NDJSON) and the report; keep nothing
              --state DIR       what was sent per row, and the run reports (default ./data/feeds)
              --source NAME     the events' source (default the feed's name: ssd, cin-census, ssda903, annex-a)
              --watch           keep running: pick up each new dated folder under --from
              --every DURATION  with --watch, how often to look (ISO-8601, default PT1H)
            """;

    private Main() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path from = null;
        Path census = null;
        Path ssda903 = null;
        Path annexA = null;
        Path censusCheck = null;
        LocalDate at = null;
        URI post = null;
        boolean dryRun = false;
        boolean watch = false;
        Path state = Path.of("data", "feeds");
        String source = null;
        Duration every = Duration.ofHours(1);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--from" -> from = Path.of(args[++i]);
                    case "--cin-census" -> census = Path.of(args[++i]);
                    case "--ssda903" -> ssda903 = Path.of(args[++i]);
                    case "--annex-a" -> annexA = Path.of(args[++i]);
                    case "--census-check" -> censusCheck = Path.of(args[++i]);
                    case "--at" -> at = LocalDate.parse(args[++i]);
                    case "--post" -> post = URI.create(args[++i]);
                    case "--dry-run" -> dryRun = true;
                    case "--state" -> state = Path.of(args[++i]);
                    case "--source" -> source = args[++i];
                    case "--watch" -> watch = true;
                    case "--every" -> every = Duration.parse(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (censusCheck != null) {
                printCheck(new CensusDateCheck(WorkingCalendar.englandAndWales()).check(censusCheck, at), System.out);
                return;
            }
            if (Stream.of(from, census, ssda903, annexA).filter(Objects::nonNull).count() != 1 || (post == null) == !dryRun) {
                throw new IllegalArgumentException("give one of --from, --cin-census, --ssda903 or --annex-a, and one of --post or --dry-run");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | DateTimeParseException e) {
            System.err.println(e.getMessage() == null ? "missing value" : e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        PrintStream log = System.err;
        Sender sender = dryRun ? printer(System.out) : new EventPoster(post, log)::post;
        if (census != null) {
            report(new CinCensusFeed(state, source == null ? CinCensusFeed.FEED : source, Clock.systemUTC())
                    .run(census, sender, dryRun), dryRun, log);
            return;
        }
        if (annexA != null) {
            report(new AnnexAFeed(state, source == null ? AnnexAFeed.FEED : source, Clock.systemUTC())
                    .run(annexA, sender, dryRun), dryRun, log);
            return;
        }
        if (ssda903 != null) {
            report(new Ssda903Feed(state, source == null ? Ssda903Feed.FEED : source, Clock.systemUTC())
                    .run(ssda903, sender, dryRun), dryRun, log);
            return;
        }
        SsdFeed feed = new SsdFeed(state, source == null ? "ssd" : source, Clock.systemUTC());
        do {
            for (RunReport report : feed.runNew(from, sender, dryRun)) {
                report(report, dryRun, log);
            }
            if (watch) {
                Thread.sleep(every.toMillis());
            }
        } while (watch);
    }

    private static void report(RunReport report, boolean dryRun, PrintStream log) throws IOException {
        log.println(summary(report));
        if (dryRun) {
            System.out.println(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        }
    }

    /** The check's findings over the DfE's timescales, as the overdue lists show them, and ours beside them. */
    static void printCheck(CensusDateCheck.Result result, PrintStream out) {
        out.println("rule,child,started,dfe_limit,our_due,overdue_our_way (at " + result.at() + ")");
        for (CensusDateCheck.Finding f : result.overDfe()) {
            out.println(String.join(",", f.rule(), f.child(), f.started().toString(), f.dfeLimit().toString(),
                    f.ourDue().toString(), Boolean.toString(f.overdueOurWay())));
        }
        result.problems().forEach(problem -> out.println("# not checked: " + problem));
    }

    static String summary(RunReport report) {
        return "%s %s: %d events sent %s, %d unchanged, %d retracted, %d rows not converted, %d tables kept as before"
                .formatted(report.feed(), report.extract(), report.sentTotal(), report.sent(), report.unchanged(),
                        report.retractions(), report.notConverted().size(), report.tablesKept().size())
                + (report.sentByOtherFeeds().isEmpty() ? "" : ", already sent by " + report.sentByOtherFeeds());
    }

    private static Sender printer(PrintStream out) {
        Ndjson ndjson = new Ndjson();
        return (List<CaseEvent> events) -> {
            events.forEach(e -> out.println(ndjson.line(e)));
            return List.of();
        };
    }
}
