package org.caseclock.query.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code caseclock.organisation.teams.<team>=<service>}, the same configuration the engine reads;
 * and beside it {@code child-populations}: the child population (aged 0-17) of a scope, keyed by
 * the scope ({@code LA}, {@code "[service/families]"}, {@code "[team/FAM-1]"}), the denominator
 * of the RATE indicators (per 10,000 children). A scope without one has no RATE value.
 */
@ConfigurationProperties("caseclock.organisation")
public record OrganisationProperties(Map<String, String> teams, Map<String, Long> childPopulations) {

    public OrganisationProperties {
        teams = teams == null ? Map.of() : Map.copyOf(teams);
        childPopulations = childPopulations == null ? Map.of() : Map.copyOf(childPopulations);
    }

    /** The scope's configured child population, or null. */
    public Long childPopulation(String scope) {
        return childPopulations.get(scope);
    }
}
