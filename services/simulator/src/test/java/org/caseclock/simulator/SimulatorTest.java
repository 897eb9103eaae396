package org.caseclock.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void theSameSeedAndConfigurationGiveTheSameEvents() {
        // Given two simulators configured alike
        SimulatorConfig config = Runs.small(7);

        // When each sends its history
        List<CaseEvent> first = Runs.history(config);
        List<CaseEvent> second = Runs.history(config);

        // Then they sent the same events in the same order
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void anotherSeedGivesOtherEvents() {
        // Given / When two seeds
        List<CaseEvent> one = Runs.history(Runs.small(1));
        List<CaseEvent> two = Runs.history(Runs.small(2));

        // Then neither the events nor their ids are shared
        assertThat(one).isNotEqualTo(two);
        Set<String> ids = new HashSet<>(one.stream().map(CaseEvent::id).toList());
        assertThat(two).noneMatch(event -> ids.contains(event.id()));
    }

    @Test
    void liveEventsDoNotDependOnHowTimeIsSliced() {
        // Given two identical simulators after their history
        Simulator whole = new Simulator(Runs.small(3));
        Simulator sliced = new Simulator(Runs.small(3));
        whole.history().forEach(event -> { });
        sliced.history().forEach(event -> { });

        // When one is asked for ten days at once and the other an hour at a time
        Instant until = Runs.NOW.plus(Duration.ofDays(10));
        List<CaseEvent> atOnce = whole.liveUntil(until).toList();
        List<CaseEvent> hourly = new ArrayList<>();
        for (Instant to = Runs.NOW.plus(Duration.ofHours(1)); !to.isAfter(until); to = to.plus(Duration.ofHours(1))) {
            sliced.liveEvents(sliced.sentUpTo(), to).forEach(hourly::add);
        }

        // Then both sent the same events
        assertThat(atOnce).isNotEmpty().isEqualTo(hourly);
    }

    @Test
    void noEventIsDatedOrRecordedAfterTheMomentItIsSent() {
        // Given a simulator
        Simulator simulator = new Simulator(Runs.small(4));

        // When it sends its history and then a week live
        List<CaseEvent> history = simulator.history().toList();
        Instant weekLater = Runs.NOW.plus(Duration.ofDays(7));
        List<CaseEvent> live = simulator.liveUntil(weekLater).toList();

        // Then history is at or before now and live at or before the end of its window,
        // well inside the contract's 24 hours, and nothing is recorded before it happened
        assertThat(history).allSatisfy(event -> {
            assertThat(event.recordedInstant()).isBeforeOrEqualTo(Runs.NOW);
            assertThat(event.timeInstant()).isBeforeOrEqualTo(event.recordedInstant());
        });
        assertThat(live).isNotEmpty().allSatisfy(event -> {
            assertThat(event.recordedInstant()).isAfter(Runs.NOW.minus(Duration.ofDays(4))).isBeforeOrEqualTo(weekLater);
            assertThat(event.timeInstant()).isBeforeOrEqualTo(event.recordedInstant());
        });
    }

    @Test
    void eventsAreSentInRecordingOrderSoLateOnesArriveOutOfTimeOrder() {
        // Given / When a history with the usual recording habits
        List<CaseEvent> events = Runs.history(Runs.small(5));

        // Then first sendings come in order of recordedat
        Set<String> seen = new HashSet<>();
        List<Instant> recorded = events.stream().filter(event -> seen.add(event.id())).map(CaseEvent::recordedInstant).toList();
        assertThat(recorded).isSorted();
        // And some were recorded days late, so they arrive after events that happened later
        assertThat(events).anyMatch(event -> Duration.between(event.timeInstant(), event.recordedInstant()).toDays() >= 3);
        Instant latestTime = Instant.MIN;
        int outOfOrder = 0;
        for (CaseEvent event : events) {
            if (event.timeInstant().isBefore(latestTime)) {
                outOfOrder++;
            }
            latestTime = latestTime.isAfter(event.timeInstant()) ? latestTime : event.timeInstant();
        }
        assertThat(outOfOrder).isGreaterThan(events.size() / 50);
    }

    @Test
    void idsAreUniqueExceptDeliberateDuplicatesWhichAreTheSameEventAgain() {
        // Given / When a history with the usual recording habits
        List<CaseEvent> events = Runs.history(Runs.small(6));

        // Then an id seen twice is the identical event sent twice, and that is rare
        Map<String, CaseEvent> byId = new HashMap<>();
        int duplicates = 0;
        for (CaseEvent event : events) {
            CaseEvent earlier = byId.putIfAbsent(event.id(), event);
            if (earlier != null) {
                assertThat(event).isEqualTo(earlier);
                duplicates++;
            }
        }
        assertThat(duplicates).isPositive().isLessThan(events.size() / 100);
    }

    @Test
    void cleanRecordingSendsEachEventOnceWithoutRetractions() {
        // Given / When a history recorded promptly, once and right
        List<CaseEvent> events = Runs.history(Runs.small(6).withRecording(Recording.clean()));

        // Then every id is unique and nothing is retracted
        assertThat(events).extracting(CaseEvent::id).doesNotHaveDuplicates();
        assertThat(events).noneMatch(event -> event.type() == EventType.EventRetracted);
    }

    @Test
    void aRetractionNamesAnEventAlreadySentAboutTheSameSubjectAndIsFollowedByItsCorrection() {
        // Given a history where mistakes are common
        Recording mistaken = new Recording(0.05, 30, 0, 0.2);
        List<CaseEvent> events = Runs.history(Runs.small(8).withRecording(mistaken));

        // When looking at each retraction
        Map<String, CaseEvent> sent = new HashMap<>();
        int retractions = 0;
        for (int i = 0; i < events.size(); i++) {
            CaseEvent event = events.get(i);
            if (event.data() instanceof EventData.EventRetracted retraction) {
                retractions++;
                CaseEvent wrong = sent.get(retraction.retractedId());

                // Then it retracts an earlier event of its subject, and a corrected event of the same type follows
                assertThat(wrong).as("retracted event sent before").isNotNull();
                assertThat(wrong.subject()).isEqualTo(event.subject());
                assertThat(events.subList(i + 1, events.size())).anyMatch(later -> later.type() == wrong.type()
                        && later.subject().equals(wrong.subject()) && !later.id().equals(wrong.id()));
            }
            sent.put(event.id(), event);
        }
        assertThat(retractions).isGreaterThan(10);
    }

    @Test
    void liveEventsMustContinueWhereTheLastCallEnded() {
        // Given a simulator that has sent its history
        Simulator simulator = new Simulator(Runs.small(9));
        simulator.history().forEach(event -> { });

        // When / Then asking again from another instant is refused
        assertThatThrownBy(() -> simulator.liveEvents(Runs.NOW.minusSeconds(1), Runs.NOW.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.liveUntil(Runs.NOW.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        simulator.liveEvents(Runs.NOW, Runs.NOW.plusSeconds(60)).forEach(event -> { });
        assertThat(simulator.sentUpTo()).isEqualTo(Runs.NOW.plusSeconds(60));
    }
}
