package org.caseclock.catalogue;

import java.util.List;
import java.util.Map;
import org.caseclock.events.out.Scope;

/**
 * Teams roll up to services, and everything to the authority ({@code LA}). A team missing from
 * the configuration still counts for itself and the LA, under service {@code UNASSIGNED}, so an
 * allocation to a new team is never lost while the configuration catches up.
 *
 * @param childPopulations the child population (aged 0-17) of a scope, keyed by the scope as written
 *        ({@code LA}, {@code service/FAM}, {@code team/FAM-1}): the denominator of the RATE indicators
 *        (per 10,000 children); a scope without one has no RATE value
 */
public record Organisation(Map<String, String> serviceOfTeam, Map<String, Long> childPopulations) {

    public static final String UNALLOCATED = "UNALLOCATED";
    public static final String UNASSIGNED_SERVICE = "UNASSIGNED";

    public Organisation {
        serviceOfTeam = Map.copyOf(serviceOfTeam);
        childPopulations = childPopulations == null ? Map.of() : Map.copyOf(childPopulations);
    }

    public Organisation(Map<String, String> serviceOfTeam) {
        this(serviceOfTeam, Map.of());
    }

    /** The scope's configured child population, or null. */
    public Long childPopulation(String scope) {
        return childPopulations.get(scope);
    }

    public String serviceOf(String team) {
        return serviceOfTeam.getOrDefault(team, UNASSIGNED_SERVICE);
    }

    /** The scopes a team's contribution counts in: {@code team/T}, {@code service/S}, {@code LA}. */
    public List<String> scopesOf(String team) {
        return List.of(Scope.team(team).toString(), Scope.service(serviceOf(team)).toString(), Scope.LA.toString());
    }
}
