package org.caseclock.query.api;

/** An indicator or pack that does not exist; the message names it. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
