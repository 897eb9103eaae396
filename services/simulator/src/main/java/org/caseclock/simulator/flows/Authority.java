package org.caseclock.simulator.flows;

import java.time.LocalDate;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.simulator.SimulatorConfig;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Ids;
import org.caseclock.simulator.model.Organisation;
import org.caseclock.simulator.sim.Dice;
import org.caseclock.simulator.sim.Sim;

/**
 * The simulated local authority: its organisation and its services, each a flow that moves
 * children on to the next. Flows reach each other through here, since cases go both ways
 * between them (a child in need plan steps up to protection, a protection plan steps down).
 */
public final class Authority {

    /** Foster carer households per open case: enough to place most children in care with them. */
    private static final double CARERS_PER_OPEN_CASE = 0.1;
    private static final int SHORTEST_EPISODE_DAYS = 60;

    final SimulatorConfig config;
    final Sim sim;
    final Dice dice;
    final WorkingCalendar calendar;
    final Timing timing;
    final Ids ids = new Ids();
    final Organisation organisation;
    final Allocation allocation = new Allocation(this);
    final Closure closure = new Closure(this);
    final EarlyHelp earlyHelp = new EarlyHelp(this);
    final Acts acts = new Acts(this);
    final Episodes episodes = new Episodes(this);
    final Supervision supervision = new Supervision(this);
    final FrontDoor frontDoor = new FrontDoor(this);
    final Assessments assessments = new Assessments(this);
    final Protection protection = new Protection(this);
    final ChildInNeed childInNeed = new ChildInNeed(this);
    final LookedAfter lookedAfter = new LookedAfter(this);
    final LeavingCare leavingCare = new LeavingCare(this);
    final Missing missing = new Missing(this);
    final Fostering fostering = new Fostering(this);
    private final int carers;

    public Authority(SimulatorConfig config, Sim sim) {
        this.config = config;
        this.sim = sim;
        this.dice = sim.dice();
        this.calendar = sim.calendar();
        this.timing = new Timing(dice, calendar, config.lateness());
        this.carers = Math.max(3, (int) Math.round(config.openCases() * CARERS_PER_OPEN_CASE));
        this.organisation = new Organisation(config.openCases(), carers);
    }

    /**
     * When an episode starting on {@code start} ends: at least two months and on average
     * {@code meanDays} later, or later still if the child's route holds it open.
     */
    LocalDate episodeEnd(Child child, LocalDate start, int meanDays) {
        LocalDate end = start.plusDays(SHORTEST_EPISODE_DAYS + (long) dice.exponential(meanDays - SHORTEST_EPISODE_DAYS));
        LocalDate hold = child.takeHold();
        return hold != null && hold.isAfter(end) ? hold : end;
    }

    /**
     * Puts the opening caseload and carers on the agenda, the front door's arrivals from the
     * history's start, and early help straight from universal services from some years before it.
     */
    public void open() {
        fostering.open(carers);
        new OpeningCaseload(this).open(config.openCases());
        frontDoor.open(config.historyStart());
        earlyHelp.open(config.historyStart());
    }
}
