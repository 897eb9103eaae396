package org.caseclock.catalogue.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code caseclock.organisation}: {@code teams.<team>=<service>}, and {@code child-populations.<scope>}, the
 * child population (aged 0-17) of {@code LA}, {@code "[service/FAM]"} or {@code "[team/FAM-1]"} (RATE's
 * denominator). Bound here once; every service reads the {@link org.caseclock.catalogue.Organisation} bean.
 */
@ConfigurationProperties("caseclock.organisation")
public record OrganisationProperties(Map<String, String> teams, Map<String, Long> childPopulations) {

    public OrganisationProperties {
        teams = teams == null ? Map.of() : teams;
        childPopulations = childPopulations == null ? Map.of() : childPopulations;
    }
}
