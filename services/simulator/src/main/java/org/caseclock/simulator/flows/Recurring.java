package org.caseclock.simulator.flows;

import java.time.Instant;
import java.time.LocalDate;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.model.Stoppable;
import org.caseclock.simulator.sim.Sim;
import org.caseclock.simulator.time.Cadence;

/**
 * A duty repeated on a cadence (visits, reviews, plans…): each time it is done, the next is
 * planned from it, on time or late by the activity's punctuality, exactly as a RECURRING rule
 * would judge it. Planning again (after a reset or a change of interval) forgets the old plan.
 */
final class Recurring implements Stoppable {

    /** Does the duty at {@code at}, the {@code k}th time; false if it did not count (the child was not seen). */
    @FunctionalInterface
    interface Act {
        boolean perform(Instant at, int k);
    }

    private final Sim sim;
    private final Timing timing;
    private final Cadence cadence;
    private final Activity first;
    private final Activity then;
    private final Act act;
    private LocalDate entry;
    private LocalDate latest;
    private int k;
    private long plan;
    private boolean stopped;

    Recurring(Authority authority, Cadence cadence, Activity first, Activity then, Act act) {
        this.sim = authority.sim;
        this.timing = authority.timing;
        this.cadence = cadence;
        this.first = first;
        this.then = then;
        this.act = act;
    }

    Recurring(Authority authority, Cadence cadence, Activity activity, Act act) {
        this(authority, cadence, activity, activity, act);
    }

    /** Starts counting from {@code entryDate} (possibly in the future), as after a reset. */
    Recurring start(LocalDate entryDate) {
        return resume(entryDate, null, 0);
    }

    /** Starts counting with {@code count} activities already done, the latest on {@code latestDone}. */
    Recurring resume(LocalDate entryDate, LocalDate latestDone, int count) {
        entry = entryDate;
        latest = latestDone;
        k = count;
        replan();
        return this;
    }

    /** The interval may have changed (the case became a child protection case): plan the next again. */
    void replan() {
        if (stopped) {
            return;
        }
        LocalDate due = cadence.due(entry, latest, k, sim.calendar());
        LocalDate earliest = latest == null ? entry : latest.plusDays(1);
        if (earliest.isBefore(sim.today())) {
            earliest = sim.today();
        }
        long thisPlan = ++plan;
        LocalDate date = timing.dateFor(k == 0 ? first : then, earliest, due);
        sim.at(timing.workingHours(date), () -> perform(thisPlan));
    }

    LocalDate latest() {
        return latest;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    private void perform(long thisPlan) {
        if (stopped || thisPlan != plan) {
            return;
        }
        if (act.perform(sim.now(), k)) {
            latest = sim.today();
            k++;
            replan();
        } else {
            long retry = ++plan;
            sim.at(timing.workingDaysLater(sim.today(), 1, 4), () -> perform(retry));
        }
    }
}
