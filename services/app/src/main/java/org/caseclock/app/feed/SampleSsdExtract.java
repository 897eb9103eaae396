package org.caseclock.app.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.SsdFeed;
import org.caseclock.feeds.ssd.SsdTable;
import org.caseclock.simulator.output.EventPoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --caseclock.feeds.sample=true}: feeds the app the feeds module's sample SSD extract (24 children,
 * two days) through {@code POST /api/events} on this server, instead of the simulator, as an authority
 * running the SSD would. The run reports are at {@code GET /api/feeds/runs}.
 */
@Component
@ConditionalOnProperty(prefix = "caseclock.feeds", name = "sample", havingValue = "true")
public class SampleSsdExtract extends LocalIngestFeed {

    private static final Logger log = LoggerFactory.getLogger(SampleSsdExtract.class);
    static final String[] DAYS = {"2026-04-07", "2026-04-08"};

    private final Path stateDir;
    private final PrintStream logLines = LogLines.to(log);

    SampleSsdExtract(WebServerApplicationContext server, @Value("${caseclock.feeds.state-dir}") Path stateDir) {
        super(server, "ssd-sample");
        this.stateDir = stateDir;
    }

    @Override
    void run(URI ingest) {
        try {
            Path days = unpack(stateDir.resolve("sample-ssd"));
            SsdFeed feed = new SsdFeed(stateDir, "ssd/sample", Clock.systemUTC());
            for (RunReport report : feed.runNew(days, new EventPoster(ingest, logLines)::post, false)) {
                log.info("Sample SSD extract {}: {} events sent {}, {} retracted, {} rows not converted",
                        report.extract(), report.sentTotal(), report.sent(), report.retractions(), report.notConverted().size());
            }
        } catch (InterruptedException e) {
            log.info("Sample SSD feed stopped");
        } catch (IOException | RuntimeException e) {
            log.error("Sample SSD feed stopped: {}", e.toString(), e);
        }
    }

    /** The sample's CSV files out of the jar into the data directory, where the feed reads folders. */
    private static Path unpack(Path to) {
        for (String day : DAYS) {
            for (SsdTable table : SsdTable.values()) {
                String resource = "/sample-ssd/" + day + "/" + table.fileName();
                try (InputStream in = SampleSsdExtract.class.getResourceAsStream(resource)) {
                    if (in != null) {
                        Files.createDirectories(to.resolve(day));
                        Files.copy(in, to.resolve(day).resolve(table.fileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot unpack " + resource, e);
                }
            }
        }
        return to;
    }
}
