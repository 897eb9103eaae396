package org.caseclock.feeds.delivery;

import java.util.List;

/**
 * One row of a source as read, before it is compared with what was sent: the events it stands for,
 * or why it stands for none this run (then its earlier events stand).
 *
 * @param key the row's key within its table, or {@code line N} where no key could be read
 * @param events what the row stands for; empty when it records nothing yet
 * @param problem why the row was not converted, or null
 * @param notes values read other than as written (an id trimmed or upper-cased)
 */
public record SourceRow(String key, List<Produced> events, String problem, List<String> notes) {

    public static SourceRow converted(String key, List<Produced> events, List<String> notes) {
        return new SourceRow(key, List.copyOf(events), null, List.copyOf(notes));
    }

    public static SourceRow bad(String key, String problem) {
        return new SourceRow(key, List.of(), problem, List.of());
    }
}
