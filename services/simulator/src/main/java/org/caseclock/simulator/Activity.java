package org.caseclock.simulator;

/**
 * Every timed duty the simulated authority performs, with its default punctuality. The defaults
 * put each indicator of INDICATORS.md somewhere between about 55% and 99%, near the spread the
 * published scorecards show (visits high, pathway plans and health assessments low).
 */
public enum Activity {
    CONTACT_DECISION(new Punctuality(0.93, 1.2)),
    ASSESSMENT(new Punctuality(0.80, 12)),
    INITIAL_CONFERENCE(new Punctuality(0.82, 8)),
    CIN_VISIT(new Punctuality(0.75, 12)),
    CIN_REVIEW(new Punctuality(0.80, 25)),
    CIN_PLAN(new Punctuality(0.65, 40)),
    CP_VISIT(new Punctuality(0.90, 5)),
    CP_REVIEW(new Punctuality(0.88, 15)),
    CLA_VISIT(new Punctuality(0.88, 12)),
    CLA_REVIEW(new Punctuality(0.85, 25)),
    INITIAL_HEALTH_ASSESSMENT(new Punctuality(0.62, 15)),
    HEALTH_REVIEW(new Punctuality(0.75, 60)),
    DENTAL_CHECK(new Punctuality(0.65, 90)),
    PEP(new Punctuality(0.70, 50)),
    CARE_PLAN(new Punctuality(0.88, 30)),
    PATHWAY_PLAN(new Punctuality(0.55, 80)),
    LEAVING_CARE_PATHWAY_PLAN(new Punctuality(0.62, 70)),
    CARER_VISIT(new Punctuality(0.72, 18)),
    CARER_REVIEW(new Punctuality(0.75, 50)),
    SUPERVISION(new Punctuality(0.70, 15)),
    RETURN_INTERVIEW(new Punctuality(0.68, 2, 0.06)),
    MISSING_STRATEGY(new Punctuality(0.65, 5, 0.15)),
    MISSING_RISK_ASSESSMENT(new Punctuality(0.85, 10, 0.05)),
    CORE_GROUP(new Punctuality(0.84, 6)),
    IMMUNISATIONS(new Punctuality(0.85, 40)),
    CARE_LEAVER_CONTACT(new Punctuality(0.90, 20));

    private final Punctuality usual;

    Activity(Punctuality usual) {
        this.usual = usual;
    }

    public Punctuality usual() {
        return usual;
    }
}
