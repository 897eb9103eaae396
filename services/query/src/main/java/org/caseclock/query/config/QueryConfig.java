package org.caseclock.query.config;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.caseclock.catalogue.Catalogue;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class QueryConfig {

    // The Catalogue and Organisation beans are the catalogue module's (catalogue.config), bound once.

    /** Packs naming a code the catalogue does not know fail start-up, not the meeting. */
    @Bean
    Packs packs(PackProperties properties, Catalogue catalogue) {
        for (Map.Entry<String, List<String>> pack : properties.packs().entrySet()) {
            for (String code : pack.getValue()) {
                if (!catalogue.contains(code)) {
                    throw new IllegalStateException("caseclock.packs." + pack.getKey() + " names an unknown indicator: " + code);
                }
            }
        }
        return new Packs(properties.packs());
    }

    /**
     * Replaces Boot's MongoDB health check (bean name), which sends {@code hello}: the local
     * profile's stand-in does not know it. {@code ping} is answered by both.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                mongo.executeCommand("{ping: 1}");
                builder.up().withDetail("database", mongo.getDb().getName());
            }
        };
    }

    /** "Now" and "today" for every answer; tests fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
