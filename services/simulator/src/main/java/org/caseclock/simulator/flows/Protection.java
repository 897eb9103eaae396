package org.caseclock.simulator.flows;

import java.time.Instant;
import java.time.LocalDate;
import org.caseclock.events.EventData.ConferenceOutcome;
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
import org.caseclock.simulator.sim.Odds;
import org.caseclock.simulator.time.Cadence;

/**
 * Section 47 inquiries and child protection plans: a strategy discussion, an initial conference
 * within 15 working days (CP5), then a plan with visits every 10 working days (CP13) and review
 * conferences at 3 months and 6-monthly after (CP12).
 */
final class Protection {

    private static final double GO_TO_CONFERENCE = 0.78;
    private static final double CONFERENCE_NAMES_STRATEGY = 0.9;
    private static final int CONFERENCE_WORKING_DAYS = 15;
    private static final int MEAN_PLAN_DAYS = 300;
    private static final Odds<ConferenceOutcome> CONFERENCE = Odds.of(ConferenceOutcome.CP_PLAN, 0.8)
            .or(ConferenceOutcome.CIN, 0.14).or(ConferenceOutcome.NFA, 0.06);
    private static final Odds<String> CATEGORIES = Odds.of("NEGLECT", 0.48).or("EMOTIONAL_ABUSE", 0.36)
            .or("PHYSICAL_ABUSE", 0.07).or("SEXUAL_ABUSE", 0.04).or("MULTIPLE", 0.05);
    private static final Odds<Next> AFTER_PLAN = Odds.of(Next.CHILD_IN_NEED, 0.55).or(Next.CLOSE, 0.32).or(Next.CARE, 0.13);

    private enum Next { CHILD_IN_NEED, CLOSE, CARE }

    private final Authority authority;

    Protection(Authority authority) {
        this.authority = authority;
    }

    /** A section 47 strategy discussion at {@code at}, which may lead to a conference. */
    void inquire(Child child, Instant at) {
        authority.sim.at(at, () -> {
            if (!child.hasOpenCase()) {
                return;
            }
            CaseFile file = child.caseFile();
            String strategyId = authority.ids.next(Ids.Kind.STRATEGY);
            authority.sim.record(child.subject(), new EventData.StrategyDiscussionHeld(strategyId, StrategyReason.S47));
            authority.allocation.to(child, authority.childInNeed.serviceFor(child), authority.sim.now().plusSeconds(600));
            LocalDate today = authority.sim.today();
            if (child.route() != null || authority.dice.chance(GO_TO_CONFERENCE)) {
                LocalDate due = authority.calendar.plusWorkingDays(today, CONFERENCE_WORKING_DAYS);
                LocalDate held = authority.timing.dateFor(Activity.INITIAL_CONFERENCE, authority.calendar.plusWorkingDays(today, 3), due);
                authority.sim.at(authority.timing.workingHours(held), () -> conference(child, file, strategyId));
            } else if (authority.dice.chance(0.6)) {
                authority.childInNeed.start(child, authority.timing.workingDaysLater(today, 5, 15));
            } else {
                authority.closure.closeLater(child, 7, 21, "Section 47 inquiry not substantiated");
            }
        });
    }

    private void conference(Child child, CaseFile file, String strategyId) {
        if (child.caseFile() != file) {
            return;
        }
        ConferenceOutcome outcome = child.route() != null ? ConferenceOutcome.CP_PLAN : CONFERENCE.roll(authority.dice);
        String named = authority.dice.chance(CONFERENCE_NAMES_STRATEGY) ? strategyId : null;
        authority.sim.record(child.subject(),
                new EventData.InitialConferenceHeld(authority.ids.next(Ids.Kind.CONFERENCE), named, outcome));
        Instant next = authority.sim.now().plus(authority.dice.minutes(5, 60));
        switch (outcome) {
            case CP_PLAN -> startPlan(child, next);
            case CIN -> authority.childInNeed.start(child, next);
            case NFA -> authority.closure.closeLater(child, 0, 5, "No further action after conference");
        }
    }

    private void startPlan(Child child, Instant at) {
        String category = CATEGORIES.roll(authority.dice);
        authority.episodes.open(child, at, EpisodeKind.CP_PLAN, id -> new EventData.CpPlanStarted(id, category), (file, plan, today) -> {
            authority.sim.record(child.subject(), authority.sim.now().plusSeconds(900), new EventData.PlanUpdated(PlanKind.CP));
            child.protectionPlanStarted();
            plan.duty(new Recurring(authority, Cadence.of("10WD"), Activity.CP_VISIT,
                    authority.acts.visit(child))).start(today);
            // CP6: the first core group within 10 working days of the ICPC, then about monthly
            plan.duty(new Recurring(authority, Cadence.of("10WD", "1M"), Activity.CORE_GROUP,
                    authority.acts.record(child.subject(), new EventData.CoreGroupHeld()))).start(today);
            plan.duty(new Recurring(authority, Cadence.of("3M", "6M"), Activity.CP_REVIEW, (when, k) -> {
                authority.sim.record(child.subject(), when, new EventData.ReviewHeld(ReviewOf.CP_PLAN));
                authority.sim.record(child.subject(), when.plusSeconds(1800), new EventData.PlanUpdated(PlanKind.CP));
                return true;
            })).start(today);
            LocalDate ends = authority.episodeEnd(child, today, MEAN_PLAN_DAYS);
            authority.sim.at(authority.timing.workingHours(ends), () -> endPlan(child, file, plan, category));
        });
    }

    private void endPlan(Child child, CaseFile file, Episode plan, String category) {
        if (!plan.isOpen()) {
            return;
        }
        authority.sim.record(child.subject(), new EventData.CpPlanEnded(plan.id(), category));
        file.end(EpisodeKind.CP_PLAN);
        Instant next = authority.sim.now().plus(authority.dice.minutes(5, 60));
        switch (AFTER_PLAN.roll(authority.dice)) {
            case CHILD_IN_NEED -> authority.childInNeed.start(child, next);
            case CLOSE -> authority.closure.close(child, "Child protection plan ended");
            case CARE -> authority.lookedAfter.start(child, next);
        }
    }
}
