package org.caseclock.catalogue.config;

import java.nio.file.Path;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The catalogue and the organisation, bound once for every service that has Spring Boot (engine, query,
 * alerts, the all-in-one app): each reads these beans, so targets, timescales and teams cannot differ
 * between the engine that computes a figure and the service that rates and names it.
 */
@AutoConfiguration
@EnableConfigurationProperties({CatalogueProperties.class, OrganisationProperties.class})
public class CatalogueAutoConfiguration {

    /** The engine's own key before 0.2: still read, for one release, with a warning naming the new one. */
    static final String OLD_OVERRIDES_KEY = "caseclock.engine.catalogue-overrides";

    private static final Logger log = LoggerFactory.getLogger(CatalogueAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Catalogue catalogue(CatalogueProperties properties, Environment environment) {
        Path overrides = properties.overrides();
        String oldValue = environment.getProperty(OLD_OVERRIDES_KEY);
        if (oldValue != null && !oldValue.isBlank()) {
            Path old = Path.of(oldValue.trim());
            if (overrides == null) {
                log.warn("{} is deprecated and will be removed in the next release: set {}.overrides instead (read {} from it)",
                        OLD_OVERRIDES_KEY, CatalogueProperties.PREFIX, old);
                overrides = old;
            } else if (!old.equals(overrides)) {
                log.warn("{} ({}) is deprecated and ignored: {}.overrides ({}) is the catalogue's key",
                        OLD_OVERRIDES_KEY, old, CatalogueProperties.PREFIX, overrides);
            }
        }
        return Catalogue.load(overrides);
    }

    @Bean
    @ConditionalOnMissingBean
    Organisation organisation(OrganisationProperties properties) {
        return new Organisation(properties.teams(), properties.childPopulations());
    }
}
