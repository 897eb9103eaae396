package org.caseclock.query.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code caseclock.packs.<name>: [codes]}: the indicators of each meeting pack, in the order shown. */
@ConfigurationProperties("caseclock")
public record PackProperties(Map<String, List<String>> packs) {

    public PackProperties {
        packs = packs == null ? Map.of() : new LinkedHashMap<>(packs);
    }
}
