package org.caseclock.simulator.flows;

import java.time.Instant;
import java.time.LocalDate;
import org.caseclock.events.EventData.PlanKind;
import org.caseclock.events.EventData.ReviewOf;
import org.caseclock.events.EventData.StrategyReason;
import org.caseclock.events.EventData;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.model.CaseFile;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Episode;
import org.caseclock.simulator.model.EpisodeKind;
import org.caseclock.simulator.model.Ids;
import org.caseclock.simulator.model.Service;
import org.caseclock.simulator.sim.Odds;
import org.caseclock.simulator.time.Cadence;

/** Child in need plans: visits every 4 weeks (CIN4), reviews and an updated plan every 3 months (CIN5, CIN8). */
final class ChildInNeed {

    private static final int MEAN_PLAN_DAYS = 270;
    private static final int ADOLESCENT_FROM = 13;
    private static final double OTHER_STRATEGY_DISCUSSION = 0.02;
    private static final Odds<Next> AFTER_PLAN = Odds.of(Next.CLOSE, 0.78).or(Next.PROTECTION, 0.1)
            .or(Next.CARE, 0.04).or(Next.OPEN_WITHOUT_PLAN, 0.08);

    private enum Next { CLOSE, PROTECTION, CARE, OPEN_WITHOUT_PLAN }

    private final Authority authority;

    ChildInNeed(Authority authority) {
        this.authority = authority;
    }

    /** Families teams hold plans, except for teenagers who go missing: the adolescents' team has those. */
    Service serviceFor(Child child) {
        boolean adolescent = child.age(authority.sim.today()) >= ADOLESCENT_FROM && child.caseFile().runaway();
        return adolescent ? Service.ADOLESCENTS : Service.FAMILIES;
    }

    void start(Child child, Instant at) {
        authority.episodes.open(child, at, EpisodeKind.CIN_PLAN, EventData.CinPlanStarted::new, (file, plan, today) -> {
            authority.sim.record(child.subject(), authority.sim.now().plusSeconds(900), new EventData.PlanUpdated(PlanKind.CIN));
            authority.allocation.to(child, serviceFor(child), authority.sim.now().plusSeconds(60));
            if (authority.dice.chance(OTHER_STRATEGY_DISCUSSION)) {
                authority.sim.record(child.subject(), authority.sim.now().plusSeconds(3600),
                        new EventData.StrategyDiscussionHeld(authority.ids.next(Ids.Kind.STRATEGY), StrategyReason.OTHER));
            }
            plan.duty(new Recurring(authority, Cadence.of("28D"), Activity.CIN_VISIT,
                    authority.acts.visit(child))).start(today);
            plan.duty(new Recurring(authority, Cadence.of("3M"), Activity.CIN_REVIEW,
                    authority.acts.record(child.subject(), new EventData.ReviewHeld(ReviewOf.CIN_PLAN)))).start(today);
            // The plan written at the start counts as the first: the next is due 3 months on.
            plan.duty(new Recurring(authority, Cadence.of("3M"), Activity.CIN_PLAN,
                    authority.acts.record(child.subject(), new EventData.PlanUpdated(PlanKind.CIN)))).resume(today, today, 1);
            LocalDate ends = authority.episodeEnd(child, today, MEAN_PLAN_DAYS);
            authority.sim.at(authority.timing.workingHours(ends), () -> end(child, file, plan));
        });
    }

    private void end(Child child, CaseFile file, Episode plan) {
        if (!plan.isOpen()) {
            return;
        }
        authority.sim.record(child.subject(), new EventData.CinPlanEnded(plan.id()));
        file.end(EpisodeKind.CIN_PLAN);
        switch (AFTER_PLAN.roll(authority.dice)) {
            case CLOSE -> authority.closure.close(child, "Child in need plan ended");
            case PROTECTION -> authority.protection.inquire(child, authority.sim.now().plus(authority.dice.minutes(30, 600)));
            case CARE -> authority.lookedAfter.start(child, authority.sim.now().plus(authority.dice.minutes(30, 600)));
            case OPEN_WITHOUT_PLAN -> authority.closure.closeLater(child, 20, 90, "Case closed after step-down");
        }
    }
}
