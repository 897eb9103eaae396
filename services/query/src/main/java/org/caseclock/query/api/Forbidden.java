package org.caseclock.query.api;

import org.caseclock.events.out.Scope;

/** The token does not reach this scope, or may not do this at all; answered 403 naming the scope, where there is one. */
class Forbidden extends RuntimeException {

    private final Scope scope;

    Forbidden(Scope scope, String what) {
        super("this token may not read " + what + " of " + scope);
        this.scope = scope;
    }

    Forbidden(String message) {
        super(message);
        this.scope = null;
    }

    /** Null when the refusal is not about a scope. */
    Scope scope() {
        return scope;
    }
}
