package org.caseclock.events;

/** Whose history an event belongs to: a child, or a foster carer household. */
public enum SubjectKind {
    CHILD("child"), CARER("carer");

    private final String prefix;

    SubjectKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
