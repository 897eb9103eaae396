package org.caseclock.simulator.model;

import java.time.LocalDate;
import org.caseclock.events.Subject;

/** A foster carer household; its approval is an episode whose duties are visits and reviews. */
public final class Carer {

    private final Subject subject;
    private final Episode approval;

    public Carer(String id, LocalDate approved) {
        this.subject = Subject.carer(id);
        this.approval = new Episode(id, approved);
    }

    public Subject subject() {
        return subject;
    }

    public String id() {
        return subject.id();
    }

    public Episode approval() {
        return approval;
    }

    public boolean isApproved() {
        return approval.isOpen();
    }

    public void deregister() {
        approval.close();
    }
}
