package org.caseclock.alerts.store;

/** What a delivery announces: the alert raised, resolved, or left open too long. */
public enum Notice {
    OPEN, RESOLVED, ESCALATION;

    public static Notice of(Alert.State state) {
        return state == Alert.State.OPEN ? OPEN : RESOLVED;
    }
}
