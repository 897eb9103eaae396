package org.caseclock.feeds.cin;

import org.caseclock.feeds.reading.Fields;

/** One group of a census child (ChildIdentifiers, CINdetails, Assessments...), its items read as {@link Fields}. */
final class Group extends Fields {

    private final Element element;

    Group(Element element) {
        this.element = element;
    }

    int line() {
        return element.line();
    }

    @Override
    protected String raw(String field) {
        return element.value(field);
    }
}
