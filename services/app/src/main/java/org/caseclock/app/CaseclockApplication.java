package org.caseclock.app;

import org.caseclock.alerts.AlertsApplication;
import org.caseclock.engine.EngineApplication;
import org.caseclock.feeds.api.FeedRunsController;
import org.caseclock.ingest.IngestApplication;
import org.caseclock.query.QueryApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The whole system in one JVM and one application context: ingest, engine, query and alerts, each
 * brought in by its own application class (so each scans its own package, exactly as when it runs
 * alone), serving all of API.md on one port, plus the simulated authority that feeds it. Where two
 * services define the same kind of bean (a clock, the catalogue), the alerts service's is a
 * fallback and the query service's is used; each Kafka listener has its own factory and group.
 * The feeds' run reports ({@code GET /api/feeds/runs}) come with the SSD feed's controller.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({IngestApplication.class, EngineApplication.class, QueryApplication.class, AlertsApplication.class,
        FeedRunsController.class})
public class CaseclockApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseclockApplication.class, args);
    }
}
