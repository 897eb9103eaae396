package org.caseclock.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import org.caseclock.catalogue.time.London;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScaleTest {

    @ParameterizedTest
    @ValueSource(ints = {300, 1200})
    void theOpenCasesSettingGivesRoughlyThatManyOpenCasesThroughoutTheHistory(int configured) {
        // Given an authority of the configured size with a year of history
        SimulatorConfig config = SimulatorConfig.defaults(21, Runs.NOW).withOpenCases(configured).withHistory(Period.ofMonths(12));
        Instant start = London.startOfDay(config.historyStart());
        Instant middle = start.plus(java.time.Duration.between(start, Runs.NOW).dividedBy(2));
        OpenCases atStart = new OpenCases(start);
        OpenCases atMiddle = new OpenCases(middle);
        OpenCases atEnd = new OpenCases(Runs.NOW);

        // When its history is sent
        new Simulator(config).history().forEach(event -> {
            atStart.add(event);
            atMiddle.add(event);
            atEnd.add(event);
        });

        // Then within a quarter of the setting at its start, middle and end
        for (OpenCases open : new OpenCases[] {atStart, atMiddle, atEnd}) {
            assertThat(open.count()).isBetween(Math.round(configured * 0.75), Math.round(configured * 1.25));
        }
    }
}
