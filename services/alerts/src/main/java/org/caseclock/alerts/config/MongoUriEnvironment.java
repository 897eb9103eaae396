package org.caseclock.alerts.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Deployments give MongoDB as {@code MONGODB_URI} (the query service reads the same); Spring reads
 * {@code spring.mongodb.uri}. Mapped before any initializer runs, so the local profile's
 * stand-in starts only when neither is set. An explicit {@code spring.mongodb.uri} wins.
 */
public class MongoUriEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String uri = environment.getProperty("MONGODB_URI");
        if (uri != null && !uri.isBlank() && !environment.containsProperty("spring.mongodb.uri")) {
            environment.getPropertySources().addLast(new MapPropertySource("caseclockMongoUri",
                    Map.of("spring.mongodb.uri", uri)));
        }
    }
}
