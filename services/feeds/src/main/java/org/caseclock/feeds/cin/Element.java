package org.caseclock.feeds.cin;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a census file as read: its local name (any namespace prefix dropped), its text and
 * its child elements, and the line it starts on for the report. Names are compared without case, since
 * the specifications' years and the case systems writing them differ in case ({@code CINPlanDates} and
 * {@code CINplanDates} both occur).
 */
public record Element(String name, String text, List<Element> children, int line) {

    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** The direct children of that name, in file order. */
    public List<Element> all(String other) {
        return children.stream().filter(c -> c.is(other)).toList();
    }

    /** Every element of that name below this one, in file order. */
    public List<Element> below(String other) {
        List<Element> found = new ArrayList<>();
        for (Element child : children) {
            if (child.is(other)) {
                found.add(child);
            }
            found.addAll(child.below(other));
        }
        return found;
    }

    /** The first direct child of that name, or null. */
    public Element first(String other) {
        return children.stream().filter(c -> c.is(other)).findFirst().orElse(null);
    }

    /** The text of the first direct child of that name, or null. */
    public String value(String other) {
        Element child = first(other);
        return child == null ? null : child.text();
    }
}
