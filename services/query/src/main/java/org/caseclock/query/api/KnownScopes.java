package org.caseclock.query.api;

import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.caseclock.catalogue.Organisation;
import org.caseclock.query.store.ItemStore;
import org.caseclock.events.out.Scope;
import org.caseclock.query.store.ValueStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which teams and services the authority has: those of {@code caseclock.organisation.teams} and
 * those the engine has counted in or listed items of. Anything else is a 404 naming it and the known ones, not a
 * scorecard of nulls.
 */
@Component
class KnownScopes {

    private final Map<String, String> teams;
    private final MongoTemplate mongo;

    KnownScopes(Organisation organisation, MongoTemplate mongo) {
        this.teams = organisation.serviceOfTeam();
        this.mongo = mongo;
    }

    /** @throws NotFound when the scope is a team or service no configuration or figure knows */
    void require(Scope scope) {
        boolean known = switch (scope.level()) {
            case LA -> true;
            case TEAM -> teams.containsKey(scope.id()) || counted(scope);
            case SERVICE -> teams.containsValue(scope.id()) || counted(scope);
        };
        if (!known) {
            String level = scope.level() == Scope.Level.TEAM ? "team" : "service";
            List<String> others = known(level);
            throw new NotFound("no " + level + " " + scope.id() + " in this authority"
                    + (others.isEmpty() ? "" : "; known " + level + "s: " + String.join(", ", others)));
        }
    }

    /** The teams within a scope, in order: every known team for LA, a service's for it, none for a team. */
    List<String> teamsIn(Scope scope, Organisation organisation) {
        return switch (scope.level()) {
            case LA -> known("team");
            case SERVICE -> known("team").stream().filter(t -> organisation.serviceOf(t).equals(scope.id())).toList();
            case TEAM -> List.of();
        };
    }

    private boolean counted(Scope scope) {
        String field = scope.level() == Scope.Level.TEAM ? "team" : "service";
        return mongo.getCollection(ValueStore.COLLECTION).find(Filters.eq("scope", scope.toString())).first() != null
                || mongo.getCollection(ItemStore.COLLECTION).find(Filters.eq(field, scope.id())).first() != null;
    }

    private List<String> known(String level) {
        TreeSet<String> ids = new TreeSet<>(level.equals("team") ? teams.keySet() : teams.values());
        for (String s : mongo.getCollection(ValueStore.COLLECTION).distinct("scope", String.class)) {
            if (s.startsWith(level + "/")) {
                ids.add(s.substring(level.length() + 1));
            }
        }
        for (String id : mongo.getCollection(ItemStore.COLLECTION).distinct(level, String.class)) {
            if (id != null) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }
}
