package org.caseclock.simulator.model;

/** The services a case moves through, each with the share of open cases it usually holds. */
public enum Service {
    FRONT_DOOR(0.0),
    ASSESSMENT(0.12),
    FAMILIES(0.40),
    ADOLESCENTS(0.06),
    LOOKED_AFTER(0.28),
    LEAVING_CARE(0.12),
    FOSTERING(0.0);

    private final double shareOfCases;

    Service(double shareOfCases) {
        this.shareOfCases = shareOfCases;
    }

    public double shareOfCases() {
        return shareOfCases;
    }
}
