package org.caseclock.query.api;

import java.time.Clock;
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
        if (scope.level() != Scope.Level.LA && !reaches(Caller.current(), scope)) {
            throw new Forbidden(scope, "the figures");
        }
    }

    /** A child-level list: the attempt is written to the audit log, allowed or not, before it is answered. */
    void list(Scope scope, String endpoint, String code) {
        Caller caller = Caller.current();
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
        Caller caller = Caller.current();
        if (!reaches(caller, scope)) {
            return false;
        }
        audit.listRead(caller.sub(), clock.instant(), scope, endpoint, null, true);
        return true;
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
