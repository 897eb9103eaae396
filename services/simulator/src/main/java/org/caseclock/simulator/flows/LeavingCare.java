package org.caseclock.simulator.flows;

import java.time.Instant;
import java.time.LocalDate;
import org.caseclock.events.EventData.PlanKind;
import org.caseclock.events.EventData;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.EpisodeKind;
import org.caseclock.simulator.model.Service;
import org.caseclock.simulator.sim.Odds;
import org.caseclock.simulator.time.Cadence;

/** Care leavers from 18: a pathway plan kept up to date every 6 months (CL1), until 21 or, in education, 25. */
final class LeavingCare {

    private enum Until { TWENTY_ONE, TWENTY_FIVE, DISENGAGED }

    private static final Odds<Until> UNTIL = Odds.of(Until.TWENTY_ONE, 0.78).or(Until.TWENTY_FIVE, 0.12).or(Until.DISENGAGED, 0.1);

    private final Authority authority;

    LeavingCare(Authority authority) {
        this.authority = authority;
    }

    /** Starts at {@code at}; the last pathway plan from care (if any) is the one to keep up to date. */
    void start(Child child, Instant at, LocalDate lastPathwayPlan) {
        authority.episodes.open(child, at, EpisodeKind.LEAVING_CARE, id -> new EventData.LeavingCareStarted(), (file, leaving, today) -> {
            authority.allocation.to(child, Service.LEAVING_CARE, authority.sim.now().plusSeconds(60));
            Recurring pathway = leaving.duty(new Recurring(authority, Cadence.of("6M"), Activity.LEAVING_CARE_PATHWAY_PLAN,
                    authority.acts.record(child.subject(), new EventData.PlanUpdated(PlanKind.PATHWAY))));
            if (lastPathwayPlan == null) {
                pathway.start(today);
            } else {
                pathway.resume(today, lastPathwayPlan, 1);
            }
            // CL2-CL4: in touch about every two months; about half in education, employment or training
            leaving.duty(new Recurring(authority, Cadence.of("2M"), Activity.CARE_LEAVER_CONTACT, (when, k) -> {
                boolean inTouch = authority.dice.chance(0.9);
                authority.sim.record(child.subject(), when, new EventData.CareLeaverContactRecorded(inTouch,
                        authority.dice.chance(0.5), authority.dice.chance(inTouch ? 0.92 : 0.6)));
                return true;
            })).start(today);
            LocalDate ends = switch (UNTIL.roll(authority.dice)) {
                case TWENTY_ONE -> child.birthday(21);
                case TWENTY_FIVE -> child.birthday(25);
                case DISENGAGED -> child.birthday(19).plusDays(authority.dice.between(0, 700));
            };
            authority.sim.at(authority.timing.workingHours(ends.isAfter(today) ? ends : today.plusDays(30)), () -> {
                if (leaving.isOpen()) {
                    authority.sim.record(child.subject(), new EventData.LeavingCareEnded());
                    file.end(EpisodeKind.LEAVING_CARE);
                    authority.closure.close(child, "Left the leaving care service");
                }
            });
        });
    }
}
