package org.caseclock.engine.rules;

import java.time.Instant;
import org.caseclock.events.out.Status;

/**
 * A change of an item's status known in advance, with no new event: a RECURRING item due soon
 * from one midnight and overdue from another. The engine applies it at {@code at} to the item and
 * its counters as a delta, without reading the subject's history again; any new event for the
 * subject re-evaluates it and replaces its flips. A snapshot item's id is its code.
 */
public record Flip(String code, Instant at, Status to) {}
