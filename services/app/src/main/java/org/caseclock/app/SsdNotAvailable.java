package org.caseclock.app;

import java.util.Map;
import org.caseclock.feeds.coverage.NotComputable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code caseclock.feeds.sample=true} the SSD extract feeds the app, and with
 * {@code caseclock.feeds.loaded-only-from=cin-census} (or {@code ssda903}, {@code annex-a}, {@code ssd})
 * the data was loaded only from that source, so the indicators it cannot feed (the feeds module's
 * {@code <feed>-not-computable.csv}, the one list of them per source) are told to the query side as
 * {@code caseclock.query.not-available}: the dashboard marks them "not available from an SSD extract"
 * (or the return's name) instead of showing a misleading 0. Set explicitly, those properties win.
 */
public class SsdNotAvailable implements EnvironmentPostProcessor {

    static final String REASON = "not available from an SSD extract";
    static final Map<String, String> REASONS = Map.of("ssd", REASON,
            "cin-census", "not available from the CIN census",
            "ssda903", "not available from an SSDA903 return",
            "annex-a", "not available from an Annex A workbook");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String feed = environment.getProperty("caseclock.feeds.loaded-only-from",
                environment.getProperty("caseclock.feeds.sample", Boolean.class, false) ? "ssd" : "");
        if (feed.isEmpty() || environment.containsProperty("caseclock.query.not-available.codes")) {
            return;
        }
        if (!REASONS.containsKey(feed)) {
            throw new IllegalArgumentException("caseclock.feeds.loaded-only-from is one of " + REASONS.keySet() + ", not " + feed);
        }
        environment.getPropertySources().addLast(new MapPropertySource(feed + "-not-computable", Map.of(
                "caseclock.query.not-available.codes", String.join(",", NotComputable.from(feed).keySet()),
                "caseclock.query.not-available.reason", REASONS.get(feed))));
    }
}
