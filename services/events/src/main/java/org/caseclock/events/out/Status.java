package org.caseclock.events.out;

/**
 * An item's status, the one set the engine's rules give, the topics carry and the API lists by.
 * RECURRING: OVERDUE, DUE_SOON, IN_TIME. MILESTONE: OVERDUE, PENDING, ON_TIME, LATE, CANCELLED.
 * RATIO and SHARE: MET, NOT_MET. COUNT and AVERAGE: COUNTED.
 */
public enum Status {
    OVERDUE, DUE_SOON, IN_TIME, PENDING, ON_TIME, LATE, CANCELLED, MET, NOT_MET, COUNTED;

    /** Still waiting for its activity: it can be (or become) overdue. A completed, cancelled or counted item cannot. */
    public boolean isOpen() {
        return this == OVERDUE || this == DUE_SOON || this == IN_TIME || this == PENDING;
    }
}
