package org.caseclock.app.feed;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated authority that feeds the all-in-one app, under {@code caseclock.simulator}. The
 * first five settings decide which events are made; a data directory keeps the run it was started
 * with (see {@link SimulatedRun}).
 *
 * @param enabled false starts the system empty, for an external client
 * @param seed drives every random choice of the simulation
 * @param openCases roughly how many children's cases are open at any time
 * @param historyMonths months of fully simulated history before the live feed
 * @param authority names the events' source, {@code sim/{authority}}
 * @param catchUp the history ends this long before start-up; that stretch is then sent live, at
 *        {@code speed}, so there is something happening to watch straight away
 * @param speed how many times faster than real time the catch-up is sent
 * @param rate live events per second at most
 * @param batch events per POST while back-filling
 * @param stateFile where the run is remembered, so a restart carries on with the same children
 */
@ConfigurationProperties("caseclock.simulator")
public record SimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") long seed,
        @DefaultValue("1500") int openCases,
        @DefaultValue("14") int historyMonths,
        @DefaultValue("riverside") String authority,
        @DefaultValue("1d") Duration catchUp,
        @DefaultValue("24") double speed,
        @DefaultValue("50") double rate,
        @DefaultValue("2000") int batch,
        @DefaultValue("./data/simulator-run.json") Path stateFile) {

    public SimulatorProperties {
        if (speed < 1 || rate <= 0 || batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("caseclock.simulator: speed must be at least 1, rate above 0, batch 1..10000");
        }
    }
}
