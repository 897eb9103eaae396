package org.caseclock.simulator.model;

import org.caseclock.events.Subject;

/** A foster carer household; its approval is an episode whose duties are visits and reviews. */
public final class Carer {

    private final Subject subject;
    private final Episode approval;

    public Carer(String id) {
        this.subject = Subject.carer(id);
        this.approval = new Episode(id);
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

    public void deregister() {
        approval.close();
    }
}
