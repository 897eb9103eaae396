package org.caseclock.app;

import java.util.Map;
import org.caseclock.feeds.ssd.NotComputable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code caseclock.feeds.sample=true} the SSD extract feeds the app, so the indicators it
 * cannot feed (the feeds module's {@code ssd-not-computable.csv}, the one list of them) are told to
 * the query side as {@code caseclock.query.not-available}: the dashboard marks them "not available
 * from an SSD extract" instead of showing a misleading 0. Set explicitly, those properties win.
 */
public class SsdNotAvailable implements EnvironmentPostProcessor {

    static final String REASON = "not available from an SSD extract";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("caseclock.feeds.sample", Boolean.class, false)
                || environment.containsProperty("caseclock.query.not-available.codes")) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("ssd-not-computable", Map.of(
                "caseclock.query.not-available.codes", String.join(",", NotComputable.fromSsd().keySet()),
                "caseclock.query.not-available.reason", REASON)));
    }
}
