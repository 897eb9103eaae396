package org.caseclock.query.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param overrides an authority's catalogue overrides (YAML), merged over the defaults; none when unset */
@ConfigurationProperties("caseclock.catalogue")
public record CatalogueProperties(Path overrides) {}
