package org.caseclock.simulator.flows;

import java.time.Instant;
import org.caseclock.events.EventData;
import org.caseclock.events.EventData.EarlyHelpEndReason;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Ids;
import org.caseclock.simulator.sim.Odds;

/**
 * Early help (EH1, EH8, EH9): not social care, so it opens no case and a closure does not end it.
 * Episodes last months (early help is open for two to three times as many children as CIN plans);
 * about one in seven ends by stepping up to social care, through a referral.
 */
final class EarlyHelp {

    private static final int MEAN_DAYS = 330;
    private static final Odds<EarlyHelpEndReason> ENDS = Odds.of(EarlyHelpEndReason.OUTCOMES_MET, 0.55)
            .or(EarlyHelpEndReason.STEP_UP, 0.14).or(EarlyHelpEndReason.DISENGAGED, 0.17)
            .or(EarlyHelpEndReason.MOVED, 0.06).or(EarlyHelpEndReason.OTHER, 0.08);

    private final Authority authority;

    EarlyHelp(Authority authority) {
        this.authority = authority;
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
