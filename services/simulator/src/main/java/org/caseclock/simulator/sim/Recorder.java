package org.caseclock.simulator.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.events.Subject;
import org.caseclock.simulator.Recording;
import org.caseclock.simulator.SimulatorConfig;

/**
 * Turns what happened into what the case management system sends: an envelope with an id and a
 * recording time, sometimes late, sometimes twice, sometimes wrong and then put right.
 */
final class Recorder {

    /** Activity that only matters as the latest of its kind, so old history can leave it out. */
    private static final Set<EventType> ROUTINE = EnumSet.of(
            EventType.VisitRecorded, EventType.ReviewHeld, EventType.PlanUpdated, EventType.HealthAssessmentCompleted,
            EventType.DentalCheckCompleted, EventType.SupervisionRecorded, EventType.CarerVisited, EventType.CarerReviewed,
            EventType.MissingEpisodeStarted, EventType.MissingEpisodeEnded, EventType.ReturnInterviewCompleted,
            EventType.MissingRiskAssessmentCompleted, EventType.ContactReceived, EventType.ContactDecided);

    /** Kinds of record a worker plausibly gets wrong (a mistyped date) and later corrects. */
    private static final Set<EventType> CORRECTABLE = EnumSet.of(
            EventType.VisitRecorded, EventType.ReviewHeld, EventType.PlanUpdated, EventType.HealthAssessmentCompleted,
            EventType.DentalCheckCompleted, EventType.SupervisionRecorded, EventType.CarerVisited, EventType.ChildRegistered);

    private static final ClassValue<EventType> TYPES = new ClassValue<>() {
        @Override
        protected EventType computeValue(Class<?> type) {
            return EventType.valueOf(type.getSimpleName());
        }
    };

    private final String source;
    private final Recording recording;
    private final Instant routineFrom;
    private final Instant correctionsFrom;
    private final Dice dice;
    private final EventIds ids;
    private final BiConsumer<Instant, CaseEvent> send;

    Recorder(SimulatorConfig config, Dice dice, BiConsumer<Instant, CaseEvent> send) {
        this.source = config.source();
        this.recording = config.recording();
        this.routineFrom = config.routineFrom();
        this.correctionsFrom = London.startOfDay(config.historyStart());
        this.dice = dice;
        this.ids = new EventIds(config.seed(), config.now().getEpochSecond());
        this.send = send;
    }

    void record(Subject subject, Instant time, EventData data) {
        EventType type = TYPES.get(data.getClass());
        if (time.isBefore(routineFrom) && ROUTINE.contains(type) && !pairedWithCareStart(data)) {
            return;
        }
        if (!time.isBefore(correctionsFrom) && CORRECTABLE.contains(type) && dice.chance(recording.retractionShare())) {
            recordWronglyThenCorrect(type, subject, time, data);
            return;
        }
        CaseEvent event = envelope(type, subject, time, time.plus(lag()), data);
        send.accept(event.recordedInstant(), event);
        if (dice.chance(recording.duplicateShare())) {
            send.accept(event.recordedInstant().plus(dice.minutes(1, 3 * 24 * 60)), event);
        }
    }

    /**
     * CLA18 pairs the start of a period of care, which is always sent however old, with its initial
     * health assessment: without it every child in care since before the history would stay overdue.
     */
    private static boolean pairedWithCareStart(EventData data) {
        return data instanceof EventData.HealthAssessmentCompleted h && h.kind() == EventData.HealthAssessmentKind.INITIAL;
    }

    private void recordWronglyThenCorrect(EventType type, Subject subject, Instant time, EventData data) {
        Instant wrongTime = data instanceof EventData.ChildRegistered ? time : time.minus(Duration.ofDays(dice.between(1, 10)));
        EventData wrongData = data instanceof EventData.ChildRegistered registered
                ? new EventData.ChildRegistered(registered.birthDate().plusYears(1))
                : data;
        CaseEvent wrong = envelope(type, subject, wrongTime, time.plus(lag()), wrongData);
        send.accept(wrong.recordedInstant(), wrong);
        Instant noticed = wrong.recordedInstant().plus(Duration.ofHours(dice.between(20, 14 * 24)));
        CaseEvent retraction = envelope(EventType.EventRetracted, subject, noticed, noticed.plus(dice.minutes(1, 20)),
                new EventData.EventRetracted(wrong.id()));
        send.accept(retraction.recordedInstant(), retraction);
        // Put right in the same sitting as the retraction, so no history ends between the two
        // (the activity would be missing until the live feed sent its correction).
        CaseEvent corrected = envelope(type, subject, time, retraction.recordedInstant(), data);
        send.accept(corrected.recordedInstant(), corrected);
    }

    private Duration lag() {
        double roll = dice.uniform(0, 1);
        if (roll < recording.daysLateShare()) {
            double days = Math.min(recording.maxDaysLate(), 2 + dice.exponential(5));
            return Duration.ofMinutes(Math.round(days * 24 * 60));
        }
        if (roll < recording.daysLateShare() + 0.2) {
            return dice.hours(1.5, 30);
        }
        return dice.minutes(2, 90);
    }

    private CaseEvent envelope(EventType type, Subject subject, Instant time, Instant recordedAt, EventData data) {
        return new CaseEvent("1.0", ids.next(), source, type, subject,
                OffsetDateTime.ofInstant(time, London.ZONE), OffsetDateTime.ofInstant(recordedAt, London.ZONE), "application/json", data);
    }
}
