package org.caseclock.feeds.delivery;

import java.time.ZoneId;
import java.util.Locale;
import org.caseclock.events.EventData;

/**
 * What makes events from two sources one activity: the same type, the same child, the same day in
 * London, and, for the types a child can have more than one of on a day in different kinds, the kind
 * (a CLA review and a CP review the same day are two). Sources name their records differently (an
 * SSD assessment id, a census without ids), so ids cannot say it; the day and kind can.
 */
public final class Activity {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Activity() {}

    /** The activity an event is, or null for a retraction (it is about an event, not an activity). */
    public static String of(Produced event) {
        EventData data = event.data();
        if (data instanceof EventData.EventRetracted) {
            return null;
        }
        String kind = "";
        if (data instanceof EventData.ReviewHeld r) {
            kind = r.of().name();
        } else if (data instanceof EventData.PlanUpdated p) {
            kind = p.plan().name();
        } else if (data instanceof EventData.HealthAssessmentCompleted h) {
            kind = h.kind().name();
        } else if (data instanceof EventData.StrategyDiscussionHeld s) {
            kind = s.reason().name();
        } else if (data instanceof EventData.CaseAllocated a) {
            kind = a.team().toUpperCase(Locale.ROOT);
        }
        return String.join("|", event.type().name(), event.subject().toString(),
                event.time().atZoneSameInstant(LONDON).toLocalDate().toString(), kind);
    }

    /**
     * The record the event starts or refers to (its first field, when that is an id: assessmentId,
     * planId, episodeId...), or null: what a later event of the same record must name.
     */
    public static String entity(EventData data) {
        var components = data.getClass().getRecordComponents();
        if (components.length == 0 || !components[0].getName().endsWith("Id")) {
            return null;
        }
        try {
            return components[0].getAccessor().invoke(data) instanceof String id ? id : null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
