package org.caseclock.simulator.flows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.EventData;
import org.caseclock.events.EventData.EarlyHelpEndReason;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Ids;
import org.caseclock.simulator.sim.Odds;

/**
 * Early help (EH1, EH8, EH9): not social care, so it opens no case and a closure does not end it.
 * Episodes start from the front door's EARLY_HELP decisions, from cases stepping down, and most of
 * them straight from schools and health visitors, never through the front door, so that early help
 * is open for two to three times as many children as CIN plans. Episodes last months; about one in
 * twelve ends by stepping up to social care, through a referral.
 */
final class EarlyHelp {

    private static final int MEAN_DAYS = 330;
    private static final Odds<EarlyHelpEndReason> ENDS = Odds.of(EarlyHelpEndReason.OUTCOMES_MET, 0.55)
            .or(EarlyHelpEndReason.STEP_UP, 0.08).or(EarlyHelpEndReason.DISENGAGED, 0.2)
            .or(EarlyHelpEndReason.MOVED, 0.06).or(EarlyHelpEndReason.OTHER, 0.11);

    /** Early help started straight from universal services a working day, per open case: about 9 for 4,000. */
    private static final double DIRECT_STARTS_PER_OPEN_CASE_A_WORKING_DAY = 0.0022;
    /**
     * Those starts begin this long before the history, so that early help is already about as open
     * at the history's start as it stays (episodes last a year or so).
     */
    private static final Period DIRECT_STARTS_BEFORE_THE_HISTORY = Period.ofYears(3);
    /**
     * Before the history, further starts a working day per open case stand in for the front door's
     * and the closures' early help, which begin with the history: as those episodes end, the front
     * door's take their place, and EH1 stays level through the history instead of doubling.
     */
    private static final double STANDING_IN_BEFORE_THE_HISTORY_PER_OPEN_CASE_A_WORKING_DAY = 0.0019;

    private final Authority authority;

    EarlyHelp(Authority authority) {
        this.authority = authority;
    }

    /** Every working day from some years before {@code historyStart}, the early help that starts without a contact to the front door. */
    void open(LocalDate historyStart) {
        LocalDate from = historyStart.minus(DIRECT_STARTS_BEFORE_THE_HISTORY);
        authority.sim.at(London.startOfDay(from), () -> day(from));
    }

    private void day(LocalDate date) {
        if (authority.calendar.isWorkingDay(date)) {
            double perOpenCase = DIRECT_STARTS_PER_OPEN_CASE_A_WORKING_DAY
                    + (date.isBefore(authority.config.historyStart()) ? STANDING_IN_BEFORE_THE_HISTORY_PER_OPEN_CASE_A_WORKING_DAY : 0);
            double mean = authority.config.openCases() * perOpenCase;
            for (int n = authority.dice.poisson(mean); n > 0; n--) {
                Child child = authority.frontDoor.newChild(authority.frontDoor.birthDateAtContact(date), null);
                start(child, authority.timing.workingHours(date));
            }
        }
        authority.sim.at(London.startOfDay(date.plusDays(1)), () -> day(date.plusDays(1)));
    }

    void start(Child child, Instant at) {
        String episodeId = authority.ids.next(Ids.Kind.EARLY_HELP);
        authority.sim.at(at, () -> {
            authority.sim.record(child.subject(), new EventData.EarlyHelpStarted(episodeId));
            int days = 30 + (int) authority.dice.exponential(MEAN_DAYS);
            authority.sim.at(authority.timing.workingHours(authority.sim.today().plusDays(days)), () -> {
                EarlyHelpEndReason reason = ENDS.roll(authority.dice);
                authority.sim.record(child.subject(), new EventData.EarlyHelpEnded(episodeId, reason));
                if (reason == EarlyHelpEndReason.STEP_UP && !child.hasOpenCase()) {
                    authority.frontDoor.refer(child, authority.sim.now().plus(authority.dice.minutes(30, 240)));
                }
            });
        });
    }
}
