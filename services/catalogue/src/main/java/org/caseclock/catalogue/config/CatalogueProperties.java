package org.caseclock.catalogue.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code caseclock.catalogue.overrides}: an authority's catalogue overrides (YAML, {@code CIN4: {intervals: [20D]}}),
 * merged over the defaults; none when unset. The one key every service reads the catalogue from.
 */
@ConfigurationProperties(CatalogueProperties.PREFIX)
public record CatalogueProperties(Path overrides) {

    public static final String PREFIX = "caseclock.catalogue";
}
