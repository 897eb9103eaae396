package org.caseclock.query.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Deployments give MongoDB as {@code MONGODB_URI}; Spring reads {@code spring.mongodb.uri}.
 * Mapped here, before any initializer runs, so the local profile's in-process stand-in starts only
 * when neither is set. An explicit {@code spring.mongodb.uri} wins.
 */
public class MongoUriEnvironment implements EnvironmentPostProcessor {

    static final String ENV = "MONGODB_URI";
    static final String PROPERTY = "spring.mongodb.uri";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String uri = environment.getProperty(ENV);
        if (uri != null && !uri.isBlank() && !environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("caseclockMongoUri", Map.of(PROPERTY, uri)));
        }
    }
}
