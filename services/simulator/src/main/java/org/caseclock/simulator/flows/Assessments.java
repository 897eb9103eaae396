package org.caseclock.simulator.flows;

import java.time.Instant;
import java.time.LocalDate;
import org.caseclock.events.EventData.AssessmentOutcome;
import org.caseclock.events.EventData;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.model.CaseFile;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Episode;
import org.caseclock.simulator.model.EpisodeKind;
import org.caseclock.simulator.model.Service;
import org.caseclock.simulator.sim.Odds;

/** Child and family assessments: due within 45 working days (AMT2), and their outcome decides the case's path. */
final class Assessments {

    private static final int TIMESCALE_WORKING_DAYS = 45;
    private static final int SHORTEST_DAYS = 5;
    private static final double CHILD_SEEN = 0.93;
    private static final double REFERRAL_LINKED = 0.97;
    private static final Odds<AssessmentOutcome> OUTCOMES = Odds.of(AssessmentOutcome.NFA, 0.28)
            .or(AssessmentOutcome.EARLY_HELP, 0.12).or(AssessmentOutcome.OTHER, 0.05).or(AssessmentOutcome.CIN, 0.32)
            .or(AssessmentOutcome.S47, 0.15).or(AssessmentOutcome.CP, 0.03).or(AssessmentOutcome.CLA, 0.05);
    /** Children who had a protection plan before are far likelier to need one again (CP14). */
    private static final Odds<AssessmentOutcome> OUTCOMES_AFTER_PROTECTION = Odds.of(AssessmentOutcome.NFA, 0.15)
            .or(AssessmentOutcome.EARLY_HELP, 0.05).or(AssessmentOutcome.OTHER, 0.03).or(AssessmentOutcome.CIN, 0.25)
            .or(AssessmentOutcome.S47, 0.35).or(AssessmentOutcome.CP, 0.1).or(AssessmentOutcome.CLA, 0.07);

    private final Authority authority;

    Assessments(Authority authority) {
        this.authority = authority;
    }

    void start(Child child, String referralId, Instant at) {
        String linked = authority.dice.chance(REFERRAL_LINKED) ? referralId : null;
        authority.episodes.open(child, at, EpisodeKind.ASSESSMENT, id -> new EventData.AssessmentStarted(id, linked), (file, assessment, today) -> {
            authority.allocation.to(child, Service.ASSESSMENT, authority.sim.now().plusSeconds(60));
            LocalDate due = authority.calendar.plusWorkingDays(today, TIMESCALE_WORKING_DAYS);
            LocalDate done = authority.timing.dateFor(Activity.ASSESSMENT, today.plusDays(SHORTEST_DAYS), due);
            authority.sim.at(authority.timing.workingHours(done), () -> complete(child, file, assessment));
        });
    }

    private void complete(Child child, CaseFile file, Episode assessment) {
        if (!assessment.isOpen()) {
            return;
        }
        AssessmentOutcome outcome = child.route() != null && child.route().assessmentOutcome() != null
                ? child.route().assessmentOutcome()
                : (child.hadProtectionPlan() ? OUTCOMES_AFTER_PROTECTION : OUTCOMES).roll(authority.dice);
        authority.sim.record(child.subject(),
                new EventData.AssessmentCompleted(assessment.id(), outcome, authority.dice.chance(CHILD_SEEN)));
        file.end(EpisodeKind.ASSESSMENT);
        Instant next = authority.sim.now().plus(authority.dice.minutes(10, 120));
        switch (outcome) {
            case NFA -> authority.closure.closeLater(child, 0, 10, "No further action after assessment");
            case EARLY_HELP -> authority.closure.closeLater(child, 0, 10, "Stepped down to early help");
            case OTHER -> authority.closure.closeLater(child, 0, 20, "Other outcome of assessment");
            case CIN -> authority.childInNeed.start(child, next);
            case S47, CP -> authority.protection.inquire(child, next);
            case CLA -> authority.lookedAfter.start(child, next);
        }
    }
}
