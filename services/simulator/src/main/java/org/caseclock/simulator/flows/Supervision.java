package org.caseclock.simulator.flows;

import org.caseclock.catalogue.time.Span;
import org.caseclock.events.EventData;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.model.CaseFile;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.time.Cadence;

/** Management supervision on the child's file, as often as the case's type requires (QA1). */
final class Supervision {

    private final Authority authority;

    Supervision(Authority authority) {
        this.authority = authority;
    }

    void begin(Child child) {
        CaseFile file = child.caseFile();
        Cadence byType = (entry, latest, k, calendar) -> interval(file).addTo(k == 0 ? entry : latest, calendar);
        Recurring supervision = file.duty(new Recurring(authority, byType, Activity.SUPERVISION, (at, k) -> {
            authority.sim.record(child.subject(), at, new EventData.SupervisionRecorded());
            return true;
        }));
        file.onTypeChange(supervision::replan);
        supervision.start(file.opened());
    }

    private static final Span CHILD_PROTECTION = Span.parse("31D");
    private static final Span LOOKED_AFTER_OR_CIN = Span.parse("60D");
    private static final Span OTHER = Span.parse("90D");

    private static Span interval(CaseFile file) {
        return switch (file.type()) {
            case CHILD_PROTECTION -> CHILD_PROTECTION;
            case LOOKED_AFTER_OR_CIN -> LOOKED_AFTER_OR_CIN;
            case OTHER -> OTHER;
        };
    }
}
