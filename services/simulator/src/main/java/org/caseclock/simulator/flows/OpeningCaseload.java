package org.caseclock.simulator.flows;

import java.time.LocalDate;
import org.caseclock.events.EventData.AssessmentOutcome;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Route;
import org.caseclock.simulator.sim.Dice;
import org.caseclock.simulator.sim.Odds;

/**
 * The cases already open when the history starts, and some closed before it (children the front
 * door will see again). Each is an ordinary case opened by a referral in the past on a route that
 * keeps it open into the history, so that its structure and latest activity are what the
 * same flows would have produced.
 */
final class OpeningCaseload {

    private enum Kind { IN_ASSESSMENT, CHILD_IN_NEED, PROTECTION, IN_CARE, CARE_LEAVER }

    private static final Odds<Kind> KINDS = Odds.of(Kind.IN_ASSESSMENT, 0.1).or(Kind.CHILD_IN_NEED, 0.33)
            .or(Kind.PROTECTION, 0.13).or(Kind.IN_CARE, 0.3).or(Kind.CARE_LEAVER, 0.14);
    /** Ages of children in care, as in the national statistics: in bands of {from, to} years. */
    private static final Odds<int[]> AGES_IN_CARE = Odds.of(new int[] {0, 0}, 0.05).or(new int[] {1, 4}, 0.13)
            .or(new int[] {5, 9}, 0.18).or(new int[] {10, 15}, 0.39).or(new int[] {16, 17}, 0.25);
    private static final double CLOSED_BEFORE_PER_OPEN_CASE = 0.3;
    private static final double CLOSED_AFTER_PROTECTION = 0.45;

    private final Authority authority;
    private final Dice dice;
    private final LocalDate start;

    OpeningCaseload(Authority authority) {
        this.authority = authority;
        this.dice = authority.dice;
        this.start = authority.config.historyStart();
    }

    void open(int openCases) {
        for (int n = 0; n < openCases; n++) {
            switch (KINDS.roll(dice)) {
                case IN_ASSESSMENT -> refer(contactAge(), start.minusDays(dice.between(1, 60)), new Route(null, null));
                case CHILD_IN_NEED -> refer(contactAge(), start.minusDays(dice.between(40, 450)), new Route(AssessmentOutcome.CIN, hold(270)));
                case PROTECTION -> refer(contactAge(), start.minusDays(dice.between(60, 420)), new Route(AssessmentOutcome.CP, hold(300)));
                case IN_CARE -> inCare();
                case CARE_LEAVER -> careLeaver();
            }
        }
        for (int n = (int) (openCases * CLOSED_BEFORE_PER_OPEN_CASE); n > 0; n--) {
            AssessmentOutcome outcome = dice.chance(CLOSED_AFTER_PROTECTION) ? AssessmentOutcome.CP : AssessmentOutcome.CIN;
            refer(contactAge(), start.minusDays(dice.between(180, 4 * 365)), new Route(outcome, null));
        }
    }

    /** Held open past the history's start by about as long again as such an episode lasts. */
    private LocalDate hold(int meanDays) {
        return start.plusDays((long) dice.exponential(meanDays));
    }

    private LocalDate contactAge() {
        return authority.frontDoor.birthDateAtContact(start);
    }

    private void inCare() {
        int[] band = AGES_IN_CARE.roll(dice);
        LocalDate born = start.minusYears(dice.between(band[0], band[1])).minusDays(dice.between(10, 364));
        LocalDate cameIntoCare = dice.dateBetween(born.plusDays(7), start.minusDays(1));
        LocalDate adult = born.plusYears(18);
        LocalDate held = hold(900);
        refer(born, cameIntoCare.minusDays(dice.between(30, 60)), new Route(AssessmentOutcome.CLA, held.isAfter(adult) ? adult : held));
    }

    /** A young person of 18 to 20 who came into care as a teenager and stayed until 18. */
    private void careLeaver() {
        LocalDate born = start.minusYears(dice.between(18, 20)).minusDays(dice.between(0, 364));
        LocalDate cameIntoCare = dice.dateBetween(born.plusYears(12), born.plusYears(17));
        refer(born, cameIntoCare.minusDays(dice.between(30, 60)), new Route(AssessmentOutcome.CLA, born.plusYears(18)));
    }

    private void refer(LocalDate born, LocalDate referred, Route route) {
        LocalDate notBeforeBirth = born.minusDays(120);
        LocalDate on = referred.isBefore(notBeforeBirth) ? notBeforeBirth : referred;
        authority.sim.at(authority.timing.workingHours(on), () -> {
            Child child = authority.frontDoor.newChild(born, route);
            authority.frontDoor.refer(child, authority.sim.now());
        });
    }
}
