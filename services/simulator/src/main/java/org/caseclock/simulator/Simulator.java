package org.caseclock.simulator;

import java.time.Instant;
import java.time.Period;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.CaseEvent;
import org.caseclock.simulator.flows.Authority;
import org.caseclock.simulator.sim.Sim;

/**
 * A simulated local authority sending case events: first its history up to {@code now}, then
 * live activity for as long as it is asked. Events come in the order a case management system
 * would send them (by recording time, so late-recorded ones arrive out of {@code time} order),
 * and are made lazily as the stream is read: memory holds the open cases, not the events.
 *
 * <p>Not thread-safe: one reader at a time, each stream read to its end before the next is asked.
 */
public final class Simulator {

    /** The opening caseload reaches back this far (a 17-year-old in care since birth). */
    private static final Period EARLIEST_OPENING = Period.ofYears(19);

    private final SimulatorConfig config;
    private final Sim sim;
    private Instant sentUpTo;

    public Simulator(SimulatorConfig config) {
        this.config = config;
        this.sim = new Sim(config, London.startOfDay(config.historyStart().minus(EARLIEST_OPENING)));
        new Authority(config, sim).open();
        this.sentUpTo = sim.now();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** Everything sent up to {@code config.now()}: the opening caseload's past, then the history. */
    public Stream<CaseEvent> history() {
        return liveUntil(config.now());
    }

    /**
     * The events sent after the previous call (or the history) and no later than {@code until}.
     * Every event's {@code time} and {@code recordedat} are at or before {@code until}.
     */
    public Stream<CaseEvent> liveUntil(Instant until) {
        if (until.isBefore(sentUpTo)) {
            throw new IllegalArgumentException("events up to " + sentUpTo + " have already been sent");
        }
        sentUpTo = until;
        Iterator<CaseEvent> events = new Iterator<>() {
            private CaseEvent next = sim.nextSentBy(until);

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public CaseEvent next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                CaseEvent event = next;
                next = sim.nextSentBy(until);
                return event;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The events sent from {@code from} (which must be where the last call ended) up to {@code to}. */
    public Stream<CaseEvent> liveEvents(Instant from, Instant to) {
        if (!from.equals(sentUpTo)) {
            throw new IllegalArgumentException("live events continue from " + sentUpTo + ", not " + from);
        }
        return liveUntil(to);
    }

    /** The instant up to which events have been asked for. */
    public Instant sentUpTo() {
        return sentUpTo;
    }
}
