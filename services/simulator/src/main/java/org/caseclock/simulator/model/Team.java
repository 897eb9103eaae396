package org.caseclock.simulator.model;

import java.util.List;

/** A team and its social workers; workers may be empty (the front door allocates none). */
public record Team(String id, Service service, List<String> workers) {

    public Team {
        workers = List.copyOf(workers);
    }
}
