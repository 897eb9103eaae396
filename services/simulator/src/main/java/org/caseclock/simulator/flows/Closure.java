package org.caseclock.simulator.flows;

import org.caseclock.events.EventData;
import org.caseclock.simulator.model.CaseFile;
import org.caseclock.simulator.model.CaseType;
import org.caseclock.simulator.model.Child;

/** Closing a case ends everything still open on it; the child may come back through the front door. */
final class Closure {

    private static final double STEPS_DOWN = 0.2;

    private final Authority authority;

    Closure(Authority authority) {
        this.authority = authority;
    }

    void close(Child child, String reason) {
        if (!child.hasOpenCase()) {
            return;
        }
        authority.sim.record(child.subject(), new EventData.CaseClosed(reason));
        child.closeCase();
        // EH9: some closed cases step down to early help within a few weeks
        if (authority.dice.chance(STEPS_DOWN)) {
            authority.earlyHelp.start(child, authority.sim.now().plus(authority.dice.hours(4, 24 * 21)));
        }
        authority.frontDoor.remember(child);
    }

    /** Closes the case between {@code from} and {@code to} days from now, unless it has moved on by then. */
    void closeLater(Child child, int from, int to, String reason) {
        CaseFile file = child.caseFile();
        authority.sim.at(authority.timing.daysLater(authority.sim.today(), from, to), () -> {
            if (child.caseFile() == file && file.type() == CaseType.OTHER) {
                close(child, reason);
            }
        });
    }
}
