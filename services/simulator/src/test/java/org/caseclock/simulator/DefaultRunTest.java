package org.caseclock.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One run at the default size (4,000 open cases, 14 months), read once as a stream and checked several ways. */
class DefaultRunTest {

    private static final int SAMPLED_PER_TYPE = 40;

    private static final Map<EventType, Integer> perType = new EnumMap<>(EventType.class);
    private static final Map<String, Integer> hashById = new HashMap<>();
    private static final OpenCases openAtNow = new OpenCases(Runs.NOW);
    private static final Rates rates = new Rates(Runs.NOW);
    private static long events;
    private static long duplicates;
    private static long sameIdOtherEvent;
    private static Instant latestTime = Instant.MIN;
    private static long recordedBeforeItHappened;
    private static Duration generation;
    private static final Set<String> cameIntoCareBeforeRoutine = new HashSet<>();
    private static final Set<String> withInitialHealthAssessment = new HashSet<>();

    @BeforeAll
    static void runTheDefaultAuthorityOnce() {
        long started = System.nanoTime();
        new Simulator(SimulatorConfig.defaults(1, Runs.NOW)).history().forEach(DefaultRunTest::look);
        generation = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("default run: %,d events in %.1f s%n", events, generation.toMillis() / 1000.0);
        System.out.println("default run as at now: " + rates.count());
    }

    private static void look(CaseEvent event) {
        events++;
        Integer earlier = hashById.putIfAbsent(event.id(), event.hashCode());
        if (earlier != null) {
            duplicates++;
            sameIdOtherEvent += earlier == event.hashCode() ? 0 : 1;
            return;
        }
        int seen = perType.merge(event.type(), 1, Integer::sum);
        if (seen <= SAMPLED_PER_TYPE) {
            Contract.assertValidAndRoundTrips(event);
        }
        latestTime = event.timeInstant().isAfter(latestTime) ? event.timeInstant() : latestTime;
        recordedBeforeItHappened += event.recordedInstant().isBefore(event.timeInstant()) ? 1 : 0;
        openAtNow.add(event);
        rates.add(event);
        if (event.type() == EventType.BecameLookedAfter
                && event.timeInstant().isBefore(SimulatorConfig.defaults(1, Runs.NOW).routineFrom())) {
            cameIntoCareBeforeRoutine.add(event.subject().toString());
        }
        if (event.data() instanceof EventData.HealthAssessmentCompleted h && h.kind() == EventData.HealthAssessmentKind.INITIAL) {
            withInitialHealthAssessment.add(event.subject().toString());
        }
    }

    @Test
    void everyEventTypeOfTheContractAppears() {
        assertThat(perType.keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void idsAreUniqueExceptASmallShareOfIdenticalResends() {
        assertThat(sameIdOtherEvent).isZero();
        assertThat(duplicates).isPositive().isLessThan(events / 100);
    }

    @Test
    void nothingHappensAfterNowOrIsRecordedBeforeItHappened() {
        assertThat(latestTime).isBeforeOrEqualTo(Runs.NOW);
        assertThat(recordedBeforeItHappened).isZero();
    }

    @Test
    void childrenInCareSinceBeforeRoutineActivityIsSentStillHaveTheirInitialHealthAssessment_soCla18IsNotOverdueForYears() {
        assertThat(cameIntoCareBeforeRoutine).hasSizeGreaterThan(100);
        assertThat(cameIntoCareBeforeRoutine).allMatch(withInitialHealthAssessment::contains);
    }

    @Test
    void mostChildrenInCareStayInTheirPlacementAndSomeMoveOften_cla1AndCla2NearThePublishedFigures() {
        // England: about 10% with 3 or more placements in a year (CLA1), about 70% of those in care
        // 2.5 years or more in the same placement for 2 years (CLA2)
        assertThat(rates.lookedAfter()).isGreaterThan(800);
        assertThat(rates.threeOrMorePlacements()).isBetween(0.05, 0.15);
        assertThat(rates.longTermPopulation()).isGreaterThan(150);
        assertThat(rates.longTermStability()).isBetween(0.55, 0.85);
    }

    @Test
    void earlyHelpReachesTwoToThreeTimesAsManyChildrenAsCinPlans_andFewStepUp() {
        assertThat(rates.cinPlans()).isGreaterThan(500);
        assertThat((double) rates.openToEarlyHelp() / rates.cinPlans()).isBetween(1.8, 3.5);
        // EH8: the seeds report 5% to 10% of early help episodes ending in a step up
        assertThat(rates.earlyHelpSteppedUp()).isBetween(0.04, 0.12);
        // EH9: some closures step down (the seeds: 12% to 22%)
        assertThat(rates.steppedDownToEarlyHelp()).isBetween(0.1, 0.35);
        // and step-ups are a small part of the referrals social care receives
        assertThat(rates.referralsFromEarlyHelp()).isLessThan(0.15);
    }

    @Test
    void aboutTheConfiguredNumberOfCasesAreOpenAtTheEnd() {
        assertThat(openAtNow.count()).isBetween(3400L, 4800L);
    }

    @Test
    void theDefaultSizeHasHundredsOfThousandsOfEvents() {
        // How long it takes is printed above and measured by the benchmarks, not asserted here.
        assertThat(events).isBetween(250_000L, 800_000L);
    }
}
