package org.caseclock.query.api;

/** A request parameter that cannot be used; the message names it. */
public class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message);
    }
}
