package org.caseclock.simulator.flows;

import org.caseclock.events.EventData;
import org.caseclock.events.Subject;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Ids;

/** What doing a recurring duty leaves on the record. */
final class Acts {

    private static final double CHILD_SEEN = 0.96;

    private final Authority authority;

    Acts(Authority authority) {
        this.authority = authority;
    }

    /** A statutory visit; now and then the child is not seen, which does not count and means another visit soon. */
    Recurring.Act visit(Child child) {
        return (at, k) -> {
            boolean seen = authority.dice.chance(CHILD_SEEN);
            authority.sim.record(child.subject(), at, new EventData.VisitRecorded(authority.ids.next(Ids.Kind.VISIT), seen));
            return seen;
        };
    }

    /** A duty whose only trace is one event. */
    Recurring.Act record(Subject subject, EventData data) {
        return (at, k) -> {
            authority.sim.record(subject, at, data);
            return true;
        };
    }
}
