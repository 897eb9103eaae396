package org.caseclock.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The punctuality of every activity; anything not overridden keeps its usual value. */
public record Lateness(Map<Activity, Punctuality> overrides) {

    public Lateness {
        overrides = Collections.unmodifiableMap(overrides.isEmpty()
                ? new EnumMap<>(Activity.class) : new EnumMap<>(overrides));
    }

    public static Lateness usual() {
        return new Lateness(Map.of());
    }

    public Punctuality of(Activity activity) {
        return overrides.getOrDefault(activity, activity.usual());
    }

    public Lateness with(Activity activity, Punctuality punctuality) {
        Map<Activity, Punctuality> changed = new EnumMap<>(Activity.class);
        changed.putAll(overrides);
        changed.put(activity, punctuality);
        return new Lateness(changed);
    }

    /** Every activity's punctuality scaled by {@code factor}: a quick worse or better authority. */
    public Lateness scaled(double factor) {
        Map<Activity, Punctuality> changed = new EnumMap<>(Activity.class);
        for (Activity activity : Activity.values()) {
            changed.put(activity, of(activity).scaled(factor));
        }
        return new Lateness(changed);
    }
}
