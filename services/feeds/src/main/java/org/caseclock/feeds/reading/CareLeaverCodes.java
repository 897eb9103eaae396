package org.caseclock.feeds.reading;

import java.util.List;
import java.util.Set;

/**
 * The DfE's SSDA903 codes of a care leaver's situation, shared by OC3 and the SSD's ssd_care_leavers (as
 * data-to-insight's SSD data model and the 903 validator's rules 131 and 132 list them).
 */
public final class CareLeaverCodes {

    /** In touch: YES; NO not; DIED; REFU refuses contact; NREQ no longer requires services; RHOM returned home. */
    public static final List<String> IN_TOUCH = List.of("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");
    /**
     * Main activity in education, employment or training: F (full time) or P (part time) with 1 higher
     * education, 2 other education, 4 an apprenticeship, 5 training or employment (not an apprenticeship),
     * and 3 (training or employment, superseded by 4 and 5).
     */
    public static final Set<String> EET = Set.of("F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5");
    /** Not in education, employment or training: G4 illness or disability, G5 other, G6 pregnancy or parenting. */
    public static final Set<String> NEET = Set.of("G4", "G5", "G6");

    private CareLeaverCodes() {}
}
