package org.caseclock.feeds.delivery;

import java.time.OffsetDateTime;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.events.Subject;

/** One event a row stands for, before it has an id: what it says, about whom, and when it happened. */
public record Produced(Subject subject, OffsetDateTime time, EventData data) {

    /** Each data record is named as its type (EventData), so the type is never said twice. */
    public EventType type() {
        return EventType.valueOf(data.getClass().getSimpleName());
    }
}
