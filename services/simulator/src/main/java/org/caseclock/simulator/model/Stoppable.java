package org.caseclock.simulator.model;

/** Something scheduled on a case (a recurring duty, a process) that must end when the case does. */
@FunctionalInterface
public interface Stoppable {
    void stop();
}
