package org.caseclock.simulator.sim;

import java.time.Instant;
import java.time.LocalDate;
import org.caseclock.catalogue.time.London;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.Subject;
import org.caseclock.simulator.SimulatorConfig;

/**
 * The discrete-event core: an agenda of things due to happen and an outbox of recorded events
 * waiting for their moment to be sent. Every event is sent at or after its recording time, which
 * is at or after the moment it was made; so once the agenda has reached an instant, every event
 * due to be sent by then is known, and events come out in sending order while only a few weeks
 * of them are ever held.
 */
public final class Sim {

    private final TimeQueue<Runnable> agenda = new TimeQueue<>();
    private final TimeQueue<CaseEvent> outbox = new TimeQueue<>();
    private final Dice dice;
    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();
    private final Recorder recorder;
    private long clock;

    public Sim(SimulatorConfig config, Instant start) {
        this.dice = new Dice(config.seed());
        this.recorder = new Recorder(config, dice, this::send);
        this.clock = start.getEpochSecond();
    }

    public Dice dice() {
        return dice;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Instant now() {
        return Instant.ofEpochSecond(clock);
    }

    public LocalDate today() {
        return London.date(now());
    }

    /** Runs {@code task} at {@code when}, or now if that has passed. */
    public void at(Instant when, Runnable task) {
        agenda.add(when.getEpochSecond() < clock ? now() : when, task);
    }

    public void record(Subject subject, Instant time, EventData data) {
        recorder.record(subject, time, data);
    }

    public void record(Subject subject, EventData data) {
        recorder.record(subject, now(), data);
    }

    /** The next event to be sent no later than {@code limit}, running the agenda as far as needed; null if none. */
    public CaseEvent nextSentBy(Instant limit) {
        long last = limit.getEpochSecond();
        while (true) {
            long nextTask = agenda.nextSecond();
            long nextSend = outbox.nextSecond();
            if (nextSend <= last && nextSend <= nextTask) {
                return outbox.poll();
            }
            if (nextTask > last) {
                return null;
            }
            clock = Math.max(clock, nextTask);
            agenda.poll().run();
        }
    }

    private void send(Instant at, CaseEvent event) {
        outbox.add(at.getEpochSecond() < clock ? now() : at, event);
    }
}
