package org.caseclock.simulator.model;

import java.time.LocalDate;
import java.time.Period;
import org.caseclock.events.Subject;

/** A simulated child: fixed facts, the case open now (if any) and what earlier cases left behind. */
public final class Child {

    private final Subject subject;
    private final LocalDate birthDate;
    private CaseFile caseFile;
    private boolean hadProtectionPlan;
    private Route route;

    public Child(String id, LocalDate birthDate, Route route) {
        this.subject = Subject.child(id);
        this.birthDate = birthDate;
        this.route = route;
    }

    public Subject subject() {
        return subject;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Whole years at {@code date}; 0 before birth (a pre-birth referral). */
    public int age(LocalDate date) {
        return date.isBefore(birthDate) ? 0 : Period.between(birthDate, date).getYears();
    }

    public LocalDate birthday(int years) {
        return birthDate.plusYears(years);
    }

    public CaseFile caseFile() {
        return caseFile;
    }

    public boolean hasOpenCase() {
        return caseFile != null && caseFile.isOpen();
    }

    public CaseFile openCase(LocalDate date) {
        caseFile = new CaseFile(date);
        return caseFile;
    }

    /** A route only ever concerns the case open when the history starts. */
    public void closeCase() {
        route = null;
        if (caseFile != null) {
            caseFile.close();
            caseFile = null;
        }
    }

    public boolean hadProtectionPlan() {
        return hadProtectionPlan;
    }

    public void protectionPlanStarted() {
        hadProtectionPlan = true;
    }

    public Route route() {
        return route;
    }

    /** The route is followed once: the episode it holds open has started. */
    public LocalDate takeHold() {
        LocalDate hold = route == null ? null : route.holdUntil();
        route = null;
        return hold;
    }
}
