package org.caseclock.feeds.api;

import java.nio.file.Path;
import org.caseclock.feeds.state.RunReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/feeds/runs}: the feeds' run reports, newest first, as the feed wrote them. The files are
 * served as they are, so this needs no JSON mapping of its own.
 */
@RestController
public class FeedRunsController {

    private final RunReports reports;

    public FeedRunsController(@Value("${caseclock.feeds.state-dir:data/feeds}") Path stateDir) {
        this.reports = new RunReports(stateDir);
    }

    @GetMapping(path = "/api/feeds/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    public String runs() {
        return reports.asJsonArray();
    }
}
