package org.caseclock.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PunctualityTest {

    private static Map<String, Milestones.Share> measure(SimulatorConfig config) {
        Milestones milestones = new Milestones();
        new Simulator(config).history().forEach(milestones::add);
        return milestones.byCode();
    }

    private static SimulatorConfig mid() {
        return SimulatorConfig.defaults(31, Runs.NOW).withOpenCases(1000).withHistory(Period.ofMonths(8))
                .withRecording(Recording.clean());
    }

    @Test
    void usualPunctualityPutsEachMilestoneIndicatorBetween55And99Percent() {
        // Given / When an authority with the usual lateness
        Map<String, Milestones.Share> shares = measure(mid());

        // Then every measured milestone has enough items and lands in the band scorecards show
        assertThat(shares).allSatisfy((code, share) -> {
            assertThat(share.items()).as(code + " items").isGreaterThan(40);
            assertThat(share.value()).as(code).isBetween(0.55, 0.99);
        });
    }

    @Test
    void scalingLatenessUpMakesEveryMilestoneLessOftenOnTime() {
        // Given the same authority, usual and twice as late
        Map<String, Milestones.Share> usual = measure(mid());
        Map<String, Milestones.Share> later = measure(mid().withLateness(Lateness.usual().scaled(2)));

        // Then each milestone is on time less often
        assertThat(usual).allSatisfy((code, share) ->
                assertThat(later.get(code).value()).as(code).isLessThan(share.value()));
    }

    @Test
    void anActivityCanBeMadeAlwaysPunctual() {
        // Given contact decisions always on time
        SimulatorConfig config = mid().withLateness(Lateness.usual().with(Activity.CONTACT_DECISION, new Punctuality(1, 1)));

        // When / Then every contact is decided within 24 hours
        assertThat(measure(config).get("FD1").value()).isEqualTo(1.0);
    }
}
