package org.caseclock.query.api;

import java.time.Clock;
import java.util.SortedSet;
import java.util.TreeSet;
import org.caseclock.catalogue.Organisation;
import org.caseclock.query.store.AuditLog;
import org.caseclock.events.out.Scope;
import org.caseclock.security.ApiSecurity;
import org.caseclock.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Which scopes a token may read (README.md, "Security"). Child-level lists (items, overdue,
 * alerts, the stream's item events) and the aggregates of a team or service: a team the token
 * names in {@code teams}, a team of a service it names in {@code services} (as
 * {@code caseclock.organisation.teams} rolls teams up), that service itself, or anything with the
 * scope {@code lists:la}. The authority's aggregates ({@code LA} indicators and packs): every
 * valid token. With security off, everything.
 */
@Component
class Access {

    private final ApiSecurity security;
    private final Organisation organisation;
    private final AuditLog audit;
    private final Clock clock;

    Access(ApiSecurity security, Organisation organisation, AuditLog audit, Clock clock) {
        this.security = security;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
    }

    /** Indicators and packs. */
    void aggregates(Scope scope) {
        if (scope.level() != Scope.Level.LA && !reaches(security.caller(), scope)) {
            throw new Forbidden(scope, "the figures");
        }
    }

    /** A child-level list: the attempt is written to the audit log, allowed or not, before it is answered. */
    void list(Scope scope, String endpoint, String code) {
        Caller caller = security.caller();
        boolean allowed = reaches(caller, scope);
        audit.listRead(caller.sub(), clock.instant(), scope, endpoint, code, allowed);
        if (!allowed) {
            throw new Forbidden(scope, "the lists");
        }
    }

    /**
     * The live stream: opened by whoever may read the scope's figures; its item events only for
     * whoever may read its lists, and then the opening is audited as a list read.
     */
    boolean streamWithItems(Scope scope, String endpoint) {
        aggregates(scope);
        Caller caller = security.caller();
        if (!reaches(caller, scope)) {
            return false;
        }
        audit.listRead(caller.sub(), clock.instant(), scope, endpoint, null, true);
        return true;
    }

    /**
     * The teams and services whose lists the caller reads, for the dashboard's picker; null for
     * every scope (the lists of the whole authority, or security off).
     */
    SortedSet<String> listScopes(Caller caller) {
        if (!security.enabled() || caller.authorityWide()) {
            return null;
        }
        SortedSet<String> scopes = new TreeSet<>();
        caller.services().forEach(s -> scopes.add(new Scope(Scope.Level.SERVICE, s).toString()));
        caller.teams().forEach(t -> scopes.add(new Scope(Scope.Level.TEAM, t).toString()));
        organisation.serviceOfTeam().forEach((team, service) -> {
            if (caller.services().contains(service)) {
                scopes.add(new Scope(Scope.Level.TEAM, team).toString());
            }
        });
        return scopes;
    }

    /** The audit trail: a token or user with {@value Caller#AUDIT_READ} only, even with the lists of the whole authority. */
    void auditTrail() {
        if (security.enabled() && !security.caller().auditor()) {
            throw new Forbidden("reading the audit trail needs the scope " + Caller.AUDIT_READ);
        }
    }

    private boolean reaches(Caller caller, Scope scope) {
        if (!security.enabled() || caller.authorityWide()) {
            return true;
        }
        return switch (scope.level()) {
            case LA -> false;
            case SERVICE -> caller.services().contains(scope.id());
            case TEAM -> caller.teams().contains(scope.id())
                    || caller.services().contains(organisation.serviceOf(scope.id()));
        };
    }
}
