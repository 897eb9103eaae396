package org.caseclock.alerts.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The channels switched on by configuration, by name. */
public final class Channels {

    private final Map<String, Channel> byName = new LinkedHashMap<>();

    public Channels(List<Channel> channels) {
        channels.forEach(c -> byName.put(c.name(), c));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public Optional<Channel> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }
}
