package org.caseclock.query.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code caseclock.organisation.teams.<team>=<service>}, the same configuration the engine reads. */
@ConfigurationProperties("caseclock.organisation")
public record OrganisationProperties(Map<String, String> teams) {

    public OrganisationProperties {
        teams = teams == null ? Map.of() : Map.copyOf(teams);
    }
}
