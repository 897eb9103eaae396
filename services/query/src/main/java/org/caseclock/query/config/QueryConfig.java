package org.caseclock.query.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class QueryConfig {

    /**
     * The engine reads its overrides from {@code caseclock.engine.catalogue-overrides}; where only
     * that is set (one shared configuration), the same file serves here, so targets and
     * tolerances agree with what the engine computed.
     */
    @Bean
    Catalogue catalogue(CatalogueProperties properties, Environment environment) {
        Path overrides = properties.overrides() != null
                ? properties.overrides()
                : environment.getProperty("caseclock.engine.catalogue-overrides", Path.class);
        return overrides == null ? Catalogue.defaults() : Catalogue.load(overrides);
    }

    @Bean
    Organisation organisation(OrganisationProperties properties) {
        return new Organisation(properties.teams());
    }

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
