package org.caseclock.query.api;

import org.caseclock.events.out.Scope;

/** The token does not reach this scope; answered 403 naming it. */
class Forbidden extends RuntimeException {

    private final Scope scope;

    Forbidden(Scope scope, String what) {
        super("this token may not read " + what + " of " + scope);
        this.scope = scope;
    }

    Scope scope() {
        return scope;
    }
}
