package org.caseclock.simulator.model;

import java.util.ArrayList;
import java.util.List;

/** One open episode of a case (a plan, a period of care…) and the duties that run while it lasts. */
public final class Episode {

    private final String id;
    private final List<Stoppable> duties = new ArrayList<>();
    private boolean open = true;
    private boolean settled;

    public Episode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isOpen() {
        return open;
    }

    /** Marks a period of care whose child is placed for good (with the adoptive family): no more moves. */
    public void settle() {
        settled = true;
    }

    public boolean isSettled() {
        return settled;
    }

    public <T extends Stoppable> T duty(T duty) {
        duties.add(duty);
        return duty;
    }

    void close() {
        open = false;
        duties.forEach(Stoppable::stop);
        duties.clear();
    }
}
