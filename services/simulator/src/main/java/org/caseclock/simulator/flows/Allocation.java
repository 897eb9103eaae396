package org.caseclock.simulator.flows;

import java.time.Instant;
import org.caseclock.events.EventData;
import org.caseclock.simulator.model.CaseFile;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Service;
import org.caseclock.simulator.model.Team;

/**
 * Who holds a case. Most cases get a worker at once; some wait with the team for days (what W2
 * counts), and workers change now and then as staff move on.
 */
final class Allocation {

    private static final double WAITS_FOR_WORKER = 0.05;
    private static final double MEAN_DAYS_WITH_ONE_WORKER = 300;

    private final Authority authority;

    Allocation(Authority authority) {
        this.authority = authority;
    }

    void to(Child child, Service service, Instant at) {
        Team team = authority.organisation.team(service, authority.dice);
        CaseFile file = child.caseFile();
        if (file.team() != null && file.team().service() == service) {
            return;
        }
        boolean waits = team.workers().isEmpty() || authority.dice.chance(WAITS_FOR_WORKER);
        assign(child, file, team, waits ? null : authority.dice.oneOf(team.workers()), at);
    }

    private void assign(Child child, CaseFile file, Team team, String worker, Instant at) {
        int allocation = file.allocate(team);
        authority.sim.record(child.subject(), at, new EventData.CaseAllocated(team.id(), worker));
        if (team.workers().isEmpty()) {
            return;
        }
        Instant next = worker == null
                ? authority.timing.daysLater(authority.sim.today(), 2, 25)
                : authority.timing.daysLater(authority.sim.today(), 30, 30 + (int) authority.dice.exponential(MEAN_DAYS_WITH_ONE_WORKER));
        authority.sim.at(next, () -> {
            if (file.allocationIs(allocation)) {
                assign(child, file, team, authority.dice.oneOf(team.workers()), authority.sim.now());
            }
        });
    }
}
