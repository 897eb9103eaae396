package org.caseclock.engine.store;

import java.util.ArrayList;
import java.util.List;
import org.caseclock.events.CaseEvent;

/** A subject's events in arrival order, one per id: the same id sent twice is one event. */
public record SubjectHistory(List<CaseEvent> events) {

    public static final SubjectHistory EMPTY = new SubjectHistory(List.of());

    public boolean contains(String id) {
        for (CaseEvent e : events) {
            if (e.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    public SubjectHistory with(CaseEvent event) {
        List<CaseEvent> next = new ArrayList<>(events.size() + 1);
        next.addAll(events);
        next.add(event);
        return new SubjectHistory(next);
    }
}
