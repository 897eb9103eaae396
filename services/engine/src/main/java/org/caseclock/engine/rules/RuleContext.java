package org.caseclock.engine.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseclock.catalogue.time.London;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.out.Status;

/**
 * What a rule is asked with: the subject's timeline, the instant "as at", the working-day
 * calendar; and where it reports the next instant its answer could change with no new event,
 * which feeds the engine's due index, or, where only an item's status changes then and to what
 * is known, the flip.
 */
public final class RuleContext {

    private final Timeline timeline;
    private final Instant at;
    private final LocalDate today;
    private final WorkingCalendar calendar;
    private Instant nextChange;
    private final List<Flip> flips = new ArrayList<>();

    public RuleContext(Timeline timeline, Instant at, WorkingCalendar calendar) {
        this.timeline = timeline;
        this.at = at;
        this.today = London.date(at);
        this.calendar = calendar;
    }

    public Timeline timeline() {
        return timeline;
    }

    public Instant at() {
        return at;
    }

    /** The London date of the instant asked about. */
    public LocalDate today() {
        return today;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** Something changes at {@code instant} (if it is still in the future). */
    public void wakeAt(Instant instant) {
        if (instant.isAfter(at) && (nextChange == null || instant.isBefore(nextChange))) {
            nextChange = instant;
        }
    }

    /** Something changes when {@code date} begins. */
    public void wakeOn(LocalDate date) {
        wakeAt(London.startOfDay(date));
    }

    public Instant nextChange() {
        return nextChange;
    }

    /**
     * Snapshot item {@code code} turns {@code to} when {@code date} begins (if that is still in
     * the future), and nothing else about it changes then: a {@link Flip}, not a wake-up.
     */
    public void flipOn(String code, LocalDate date, Status to) {
        Instant instant = London.startOfDay(date);
        if (instant.isAfter(at)) {
            flips.add(new Flip(code, instant, to));
        }
    }

    public List<Flip> flips() {
        return List.copyOf(flips);
    }

    /** Only events that have happened by the instant asked about count. */
    public boolean happened(CaseEvent e) {
        return !e.timeInstant().isAfter(at);
    }

    /** Whether every {@code field: value} pair holds for the event's data (booleans as "true"/"false"). */
    public static boolean matches(CaseEvent e, Map<String, String> where) {
        for (Map.Entry<String, String> w : where.entrySet()) {
            if (!w.getValue().equals(field(e.data(), w.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A data field as text, with the contract's defaults applied (a visit's childSeen defaults to true). */
    public static String field(EventData data, String name) {
        if (data instanceof EventData.VisitRecorded v && name.equals("childSeen")) {
            return String.valueOf(v.seen());
        }
        if (data instanceof EventData.AssessmentCompleted a && name.equals("childSeen")) {
            return String.valueOf(a.seen());
        }
        java.lang.reflect.Method accessor = ACCESSORS.get(data.getClass()).get(name);
        if (accessor == null) {
            return null;
        }
        try {
            Object value = accessor.invoke(data);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Record accessors by field name, looked up once per data type: rules read fields on every event. */
    private static final ClassValue<Map<String, java.lang.reflect.Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, java.lang.reflect.Method> computeValue(Class<?> type) {
            Map<String, java.lang.reflect.Method> byName = new java.util.HashMap<>();
            for (var component : type.getRecordComponents()) {
                java.lang.reflect.Method m = component.getAccessor();
                m.setAccessible(true);
                byName.put(component.getName(), m);
            }
            return Map.copyOf(byName);
        }
    };
}
