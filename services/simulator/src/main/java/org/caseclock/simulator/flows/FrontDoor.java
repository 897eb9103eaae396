package org.caseclock.simulator.flows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.EventData.ContactOutcome;
import org.caseclock.events.EventData;
import org.caseclock.simulator.Activity;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Ids;
import org.caseclock.simulator.model.Route;
import org.caseclock.simulator.model.Service;
import org.caseclock.simulator.sim.Odds;

/**
 * Contacts arrive every day, more on weekdays; the front door decides on each within a day
 * (FD1), and some become referrals that open a case. A share of contacts are about children
 * whose case closed recently, which is where re-referrals (FD8) come from.
 */
final class FrontDoor {

    /** Contacts a day per open case: what keeps the number of open cases steady (4,000 get some 28 a day). */
    private static final double CONTACTS_PER_OPEN_CASE_A_DAY = 0.0070;
    private static final double WEEKDAY_WEIGHT = 1.2;
    private static final double WEEKEND_WEIGHT = 0.5;
    private static final double ABOUT_A_KNOWN_CHILD = 0.28;
    private static final int KNOWN_CHILDREN_REMEMBERED = 3000;
    private static final double REFERRALS_ASSESSED = 0.88;
    private static final double UNBORN = 0.02;
    private static final Duration DECISION_DEADLINE = Duration.ofHours(24);

    private static final Odds<ContactOutcome> NEW_CHILD = Odds.of(ContactOutcome.REFERRAL, 0.38)
            .or(ContactOutcome.NFA, 0.22).or(ContactOutcome.ADVICE, 0.2).or(ContactOutcome.EARLY_HELP, 0.2);
    private static final Odds<ContactOutcome> KNOWN_CHILD = Odds.of(ContactOutcome.REFERRAL, 0.6)
            .or(ContactOutcome.NFA, 0.15).or(ContactOutcome.ADVICE, 0.1).or(ContactOutcome.EARLY_HELP, 0.15);
    /** Ages of children at contact, in bands of {from, to} years. */
    private static final Odds<int[]> AGE_BANDS = Odds.of(new int[] {0, 0}, 0.08).or(new int[] {1, 4}, 0.18)
            .or(new int[] {5, 9}, 0.24).or(new int[] {10, 15}, 0.36).or(new int[] {16, 17}, 0.14);

    private final Authority authority;
    /** A bounded memory of recently closed children, so that memory does not grow with the run. */
    private final List<Child> recentlyClosed = new ArrayList<>();
    private int oldest;

    FrontDoor(Authority authority) {
        this.authority = authority;
    }

    void open(LocalDate from) {
        authority.sim.at(London.startOfDay(from), () -> day(from));
    }

    /** A new child, registered with the birth date given, or at birth if not yet born. */
    Child newChild(LocalDate birthDate, Route route) {
        Child child = new Child(authority.ids.next(Ids.Kind.CHILD), birthDate, route);
        Instant registered = birthDate.isAfter(authority.sim.today())
                ? authority.timing.workingHours(birthDate.plusDays(authority.dice.between(1, 10)))
                : authority.sim.now();
        authority.sim.at(registered, () -> authority.sim.record(child.subject(), new EventData.ChildRegistered(birthDate)));
        return child;
    }

    /** A birth date for a child of the usual age at contact, as at {@code date}. */
    LocalDate birthDateAtContact(LocalDate date) {
        if (authority.dice.chance(UNBORN)) {
            return date.plusDays(authority.dice.between(20, 150));
        }
        int[] band = AGE_BANDS.roll(authority.dice);
        return date.minusYears(authority.dice.between(band[0], band[1])).minusDays(authority.dice.between(0, 364));
    }

    void remember(Child child) {
        if (child.age(authority.sim.today()) >= 17) {
            return;
        }
        if (recentlyClosed.size() < KNOWN_CHILDREN_REMEMBERED) {
            recentlyClosed.add(child);
        } else {
            recentlyClosed.set(oldest, child);
            oldest = (oldest + 1) % KNOWN_CHILDREN_REMEMBERED;
        }
    }

    /** A referral at {@code at}: opens the case, which goes on to assessment or is closed. */
    void refer(Child child, Instant at) {
        authority.sim.at(at, () -> {
            if (child.hasOpenCase()) {
                return;
            }
            String referralId = authority.ids.next(Ids.Kind.REFERRAL);
            authority.sim.record(child.subject(), new EventData.ReferralReceived(referralId));
            child.openCase(authority.sim.today());
            authority.allocation.to(child, Service.FRONT_DOOR, authority.sim.now().plusSeconds(60));
            authority.supervision.begin(child);
            authority.missing.watch(child);
            if (child.route() != null || authority.dice.chance(REFERRALS_ASSESSED)) {
                authority.assessments.start(child, referralId, authority.timing.workingDaysLater(authority.sim.today(), 0, 3));
            } else {
                authority.closure.closeLater(child, 1, 7, "No further action after referral");
            }
        });
    }

    private void day(LocalDate date) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        double mean = authority.config.openCases() * CONTACTS_PER_OPEN_CASE_A_DAY * (weekend ? WEEKEND_WEIGHT : WEEKDAY_WEIGHT);
        for (int n = authority.dice.poisson(mean); n > 0; n--) {
            authority.sim.at(authority.timing.at(date, timeOfContact()), this::contact);
        }
        authority.sim.at(London.startOfDay(date.plusDays(1)), () -> day(date.plusDays(1)));
    }

    private LocalTime timeOfContact() {
        int minute = authority.dice.chance(0.75) ? authority.dice.between(8 * 60, 18 * 60 - 1) : authority.dice.between(0, 24 * 60 - 1);
        return LocalTime.of(minute / 60, minute % 60);
    }

    private void contact() {
        Child known = knownChildWithoutCase();
        Child child = known != null ? known : newChild(birthDateAtContact(authority.sim.today()), null);
        String contactId = authority.ids.next(Ids.Kind.CONTACT);
        authority.sim.record(child.subject(), new EventData.ContactReceived(contactId));
        ContactOutcome outcome = (known != null ? KNOWN_CHILD : NEW_CHILD).roll(authority.dice);
        Instant decided = authority.timing.within(Activity.CONTACT_DECISION, authority.sim.now(), DECISION_DEADLINE);
        authority.sim.at(decided, () -> {
            authority.sim.record(child.subject(), new EventData.ContactDecided(contactId, outcome));
            if (outcome == ContactOutcome.REFERRAL) {
                refer(child, authority.sim.now().plus(authority.dice.minutes(5, 90)));
            } else if (outcome == ContactOutcome.EARLY_HELP) {
                authority.earlyHelp.start(child, authority.sim.now().plus(authority.dice.hours(2, 72)));
            }
        });
    }

    private Child knownChildWithoutCase() {
        if (recentlyClosed.isEmpty() || !authority.dice.chance(ABOUT_A_KNOWN_CHILD)) {
            return null;
        }
        Child child = authority.dice.oneOf(recentlyClosed);
        return child.hasOpenCase() || child.age(authority.sim.today()) >= 18 ? null : child;
    }
}
