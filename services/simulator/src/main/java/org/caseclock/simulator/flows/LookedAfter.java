package org.caseclock.simulator.flows;

import java.time.Instant;
import java.time.LocalDate;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.EventData.HealthAssessmentKind;
import org.caseclock.events.EventData.PlanKind;
import org.caseclock.events.EventData.ReviewOf;
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

/**
 * Periods of care: placements and moves, visits (CLA10), reviews (CLA11), health and dental
 * checks (CLA16, CLA18, CLA28), personal education plans (CLA13), care and pathway plans (CLA14,
 * CLA15). At 18 a child in care ceases to be looked after and usually becomes a care leaver.
 */
final class LookedAfter {

    private static final int MEAN_CARE_DAYS = 900;
    // Most children stay where they are placed (CLA2, long-term stability, near 70% in England);
    // some move again and again, whatever the placement (CLA1, 3 or more in a year, near 10%).
    private static final int MEAN_DAYS_IN_A_PLACEMENT = 8000;
    private static final int MEAN_DAYS_IN_AN_UNSTABLE_PLACEMENT = 110;
    private static final double UNSTABLE_CHILD = 0.12;
    private static final double BECOMES_CARE_LEAVER = 0.88;
    private static final double STEPS_DOWN_TO_CHILD_IN_NEED = 0.35;
    private static final int PEP_FROM_AGE = 3;
    private static final int PATHWAY_FROM_AGE = 16;
    private static final int PATHWAY_AFTER_DAYS_IN_CARE = 91;
    private static final int ADULT = 18;
    private static final int YOUNGEST_ADOPTED_RARELY = 8;
    private static final double ADOPTED = 0.2;
    private static final Odds<String> LEGAL_STATUS = Odds.of("C2", 0.55).or("V2", 0.2).or("C1", 0.12)
            .or("E1", 0.06).or("J2", 0.04).or("L1", 0.03);
    private static final Odds<String> PLACEMENTS = Odds.of("FOSTER", 0.72).or("FOSTER_CONNECTED", 0.1)
            .or("RESIDENTIAL", 0.1).or("PLACED_WITH_PARENTS", 0.08);
    private static final Odds<String> PLACEMENTS_AT_16 = Odds.of("FOSTER", 0.5).or("FOSTER_CONNECTED", 0.06)
            .or("RESIDENTIAL", 0.12).or("SEMI_INDEPENDENT", 0.3).or("PLACED_WITH_PARENTS", 0.02);
    private static final Odds<String> LEAVING = Odds.of("RETURNED_HOME", 0.45).or("SPECIAL_GUARDIANSHIP", 0.2)
            .or("ADOPTED", 0.15).or("OTHER", 0.2);
    private static final Odds<String> LEAVING_OLDER = Odds.of("RETURNED_HOME", 0.6).or("SPECIAL_GUARDIANSHIP", 0.15)
            .or("OTHER", 0.25);

    private final Authority authority;

    LookedAfter(Authority authority) {
        this.authority = authority;
    }

    void start(Child child, Instant at) {
        if (child.age(London.date(at)) >= ADULT) {
            // A plan made for a 17-year-old can run past 18, and no one comes into care at 18.
            authority.sim.at(at, () -> authority.closure.close(child, "Aged 18: not looked after"));
            return;
        }
        String legalStatus = LEGAL_STATUS.roll(authority.dice);
        authority.episodes.open(child, at, EpisodeKind.LOOKED_AFTER, id -> new EventData.BecameLookedAfter(id, legalStatus), (file, care, today) -> {
            authority.allocation.to(child, Service.LOOKED_AFTER, authority.sim.now().plusSeconds(60));
            authority.missing.watch(child);
            Recurring visits = care.duty(new Recurring(authority, Cadence.of("7D", "42D"),
                    Activity.CLA_VISIT, authority.acts.visit(child)));
            place(child, care, visits, authority.dice.chance(UNSTABLE_CHILD));
            duties(child, care, today);
            Recurring pathway = pathwayPlans(child, care, today);
            LocalDate adult = child.birthday(ADULT);
            LocalDate ends = authority.episodeEnd(child, today, MEAN_CARE_DAYS);
            if (child.age(today) < YOUNGEST_ADOPTED_RARELY && authority.dice.chance(ADOPTED)) {
                ends = adoption(child, care, today);
            }
            boolean toAdulthood = !ends.isBefore(adult);
            authority.sim.at(authority.timing.workingHours(toAdulthood ? adult : ends),
                    () -> cease(child, file, care, toAdulthood, pathway));
        });
    }

    /**
     * A. A child whose plan is adoption: a placement order some months in, a match some months later
     * (A2, about 130 days), then the move to the adoptive family (A1, about 14 months from entering
     * care), after which the child is not moved again; the period of care ends with the adoption
     * order months after. Returns that end.
     */
    private LocalDate adoption(Child child, Episode care, LocalDate today) {
        LocalDate order = today.plusDays(120 + (int) authority.dice.exponential(120));
        LocalDate match = order.plusDays(60 + (int) authority.dice.exponential(70));
        LocalDate placed = match.plusDays(20 + authority.dice.between(0, 40));
        whileInCare(care, order, () -> new EventData.PlacementOrderGranted(), child);
        whileInCare(care, match, () -> new EventData.AdoptionMatched(), child);
        whileInCare(care, placed, () -> {
            care.settle();
            return new EventData.PlacementStarted(authority.ids.next(Ids.Kind.PLACEMENT), null, "ADOPTION");
        }, child);
        return placed.plusDays(90 + authority.dice.between(0, 200));
    }

    private void whileInCare(Episode care, LocalDate on, java.util.function.Supplier<EventData> event, Child child) {
        authority.sim.at(authority.timing.workingHours(on), () -> {
            if (care.isOpen()) {
                authority.sim.record(child.subject(), event.get());
            }
        });
    }

    private void duties(Child child, Episode care, LocalDate today) {
        // CLA27: immunisations checked about yearly, up to date nine times in ten
        care.duty(new Recurring(authority, Cadence.of("12M"), Activity.IMMUNISATIONS, (when, k) -> {
            authority.sim.record(child.subject(), when, new EventData.ImmunisationsRecorded(authority.dice.chance(0.9)));
            return true;
        })).start(today);
        care.duty(new Recurring(authority, Cadence.of("20WD", "3M", "6M"),
                Activity.CLA_REVIEW, authority.acts.record(child.subject(), new EventData.ReviewHeld(ReviewOf.CLA)))).start(today);
        Cadence health = (entry, latest, k, calendar) -> k == 0
                ? calendar.plusWorkingDays(entry, 20)
                : latest.plusMonths(child.age(latest) < 5 ? 6 : 12);
        care.duty(new Recurring(authority, health, Activity.INITIAL_HEALTH_ASSESSMENT, Activity.HEALTH_REVIEW, (at, k) -> {
            HealthAssessmentKind kind = k == 0 ? HealthAssessmentKind.INITIAL : HealthAssessmentKind.REVIEW;
            authority.sim.record(child.subject(), at, new EventData.HealthAssessmentCompleted(kind));
            return true;
        })).start(today);
        care.duty(new Recurring(authority, Cadence.of("12M"), Activity.DENTAL_CHECK,
                authority.acts.record(child.subject(), new EventData.DentalCheckCompleted()))).start(today);
        care.duty(new Recurring(authority, Cadence.of("10WD", "6M"), Activity.CARE_PLAN,
                authority.acts.record(child.subject(), new EventData.PlanUpdated(PlanKind.CARE)))).start(today);
        // A child under 3 gets a first PEP just before the third birthday, not from the start of care.
        LocalDate pepFrom = child.age(today) >= PEP_FROM_AGE ? today : child.birthday(PEP_FROM_AGE).minusDays(30);
        care.duty(new Recurring(authority, Cadence.of("20WD", "6M"), Activity.PEP,
                authority.acts.record(child.subject(), new EventData.PlanUpdated(PlanKind.PEP)))).start(pepFrom);
    }

    /** Pathway plans from 16, once in care 13 weeks (CLA15's entry date); the latest one carries on into leaving care. */
    private Recurring pathwayPlans(Child child, Episode care, LocalDate today) {
        LocalDate sixteen = child.birthday(PATHWAY_FROM_AGE);
        LocalDate settled = today.plusDays(PATHWAY_AFTER_DAYS_IN_CARE);
        LocalDate entry = sixteen.isAfter(settled) ? sixteen : settled;
        Recurring pathway = care.duty(new Recurring(authority, Cadence.of("3M", "6M"),
                Activity.PATHWAY_PLAN, authority.acts.record(child.subject(), new EventData.PlanUpdated(PlanKind.PATHWAY))));
        if (entry.isBefore(child.birthday(ADULT))) {
            pathway.start(entry);
        }
        return pathway;
    }

    /**
     * A placement now, the next move some time later (soon for a child who moves often); each
     * placement restarts the visit cadence.
     */
    private void place(Child child, Episode care, Recurring visits, boolean unstable) {
        if (!care.isOpen() || care.isSettled()) {
            return;
        }
        LocalDate today = authority.sim.today();
        Odds<String> types = child.age(today) >= PATHWAY_FROM_AGE ? PLACEMENTS_AT_16 : PLACEMENTS;
        String type = types.roll(authority.dice);
        String carer = type.startsWith("FOSTER") ? authority.fostering.anyCarer() : null;
        authority.sim.record(child.subject(), authority.sim.now().plusSeconds(300),
                new EventData.PlacementStarted(authority.ids.next(Ids.Kind.PLACEMENT), carer, type));
        visits.start(today);
        double mean = unstable ? MEAN_DAYS_IN_AN_UNSTABLE_PLACEMENT : MEAN_DAYS_IN_A_PLACEMENT;
        authority.sim.at(authority.timing.daysLater(today, 7, 7 + (int) authority.dice.exponential(mean)),
                () -> place(child, care, visits, unstable));
    }

    private void cease(Child child, CaseFile file, Episode care, boolean adult, Recurring pathway) {
        if (!care.isOpen()) {
            return;
        }
        boolean young = child.age(authority.sim.today()) < YOUNGEST_ADOPTED_RARELY;
        String reason = adult ? "AGE_18" : (young ? LEAVING : LEAVING_OLDER).roll(authority.dice);
        authority.sim.record(child.subject(), new EventData.CeasedLookedAfter(care.id(), reason));
        file.end(EpisodeKind.LOOKED_AFTER);
        Instant next = authority.sim.now().plus(authority.dice.minutes(30, 240));
        if (adult && authority.dice.chance(BECOMES_CARE_LEAVER)) {
            authority.leavingCare.start(child, next, pathway.latest());
        } else if (!adult && authority.dice.chance(STEPS_DOWN_TO_CHILD_IN_NEED)) {
            authority.childInNeed.start(child, next);
        } else {
            authority.closure.close(child, adult ? "Ceased care at 18" : "Ceased to be looked after");
        }
    }
}
