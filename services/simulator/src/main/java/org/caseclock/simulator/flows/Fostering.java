package org.caseclock.simulator.flows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.events.EventData;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.model.Carer;
import org.caseclock.simulator.model.Ids;
import org.caseclock.simulator.model.Service;
import org.caseclock.simulator.model.Team;
import org.caseclock.simulator.time.Cadence;

/**
 * Foster carers: approved, supervised by the fostering team with a visit at least every 6 weeks
 * (F4) and an annual review (F3), and in time deregistered; recruitment replaces those who leave.
 */
final class Fostering {

    private static final int MEAN_YEARS_APPROVED = 8;
    private static final int LONGEST_SERVING_YEARS = 15;

    private final Authority authority;
    private final List<Carer> approved = new ArrayList<>();
    private double recruitedADay;

    Fostering(Authority authority) {
        this.authority = authority;
    }

    /** {@code households} carers approved over past years, and recruitment to keep their number. */
    void open(int households) {
        LocalDate start = authority.config.historyStart();
        for (int n = 0; n < households; n++) {
            LocalDate approvedOn = start.minusDays(authority.dice.between(20, LONGEST_SERVING_YEARS * 365));
            // Those still approved when the history starts are the ones that make its opening numbers.
            authority.sim.at(authority.timing.workingHours(approvedOn), () -> approve(start));
        }
        recruitedADay = households / (MEAN_YEARS_APPROVED * 365.0);
        recruitAfter(start);
    }

    /** Any approved carer's id, for a foster placement; null if there is none. */
    String anyCarer() {
        return approved.isEmpty() ? null : authority.dice.oneOf(approved).id();
    }

    private void recruitAfter(LocalDate date) {
        LocalDate next = date.plusDays(1 + (long) authority.dice.exponential(1 / recruitedADay));
        authority.sim.at(authority.timing.workingHours(next), () -> {
            approve(authority.sim.today());
            recruitAfter(authority.sim.today());
        });
    }

    /** Approves a new household, who will stay at least a month after {@code staysFrom}. */
    private void approve(LocalDate staysFrom) {
        LocalDate today = authority.sim.today();
        Carer carer = new Carer(authority.ids.next(Ids.Kind.CARER));
        approved.add(carer);
        authority.sim.record(carer.subject(), new EventData.CarerApproved());
        Team team = authority.organisation.team(Service.FOSTERING, authority.dice);
        authority.sim.record(carer.subject(), authority.sim.now().plusSeconds(600),
                new EventData.CaseAllocated(team.id(), authority.dice.oneOf(team.workers())));
        carer.approval().duty(new Recurring(authority, Cadence.of("42D"), Activity.CARER_VISIT,
                authority.acts.record(carer.subject(), new EventData.CarerVisited()))).start(today);
        carer.approval().duty(new Recurring(authority, Cadence.of("12M"), Activity.CARER_REVIEW,
                authority.acts.record(carer.subject(), new EventData.CarerReviewed()))).start(today);
        LocalDate leaves = staysFrom.plusDays(30 + (long) authority.dice.exponential(MEAN_YEARS_APPROVED * 365.0));
        authority.sim.at(authority.timing.workingHours(leaves), () -> {
            authority.sim.record(carer.subject(), new EventData.CarerDeregistered());
            carer.deregister();
            approved.remove(carer);
        });
    }
}
