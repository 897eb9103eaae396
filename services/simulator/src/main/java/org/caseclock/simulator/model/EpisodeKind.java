package org.caseclock.simulator.model;

/** The episodes a case can have open, and how their ids are made. */
public enum EpisodeKind {
    ASSESSMENT(Ids.Kind.ASSESSMENT),
    CIN_PLAN(Ids.Kind.CIN_PLAN),
    CP_PLAN(Ids.Kind.CP_PLAN),
    LOOKED_AFTER(Ids.Kind.CARE_EPISODE),
    LEAVING_CARE(Ids.Kind.LEAVING_CARE);

    private final Ids.Kind ids;

    EpisodeKind(Ids.Kind ids) {
        this.ids = ids;
    }

    public Ids.Kind ids() {
        return ids;
    }
}
