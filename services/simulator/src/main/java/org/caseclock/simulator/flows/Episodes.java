package org.caseclock.simulator.flows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.caseclock.events.EventData;
import org.caseclock.simulator.model.CaseFile;
import org.caseclock.simulator.model.Child;
import org.caseclock.simulator.model.Episode;
import org.caseclock.simulator.model.EpisodeKind;

/**
 * Opening an episode (an assessment, a plan, a period of care) a little after it was decided:
 * by then the case may have closed, or the same kind of episode may already be open, and then
 * nothing happens.
 */
final class Episodes {

    /** What follows the opening: allocation, duties, and when the episode ends. */
    @FunctionalInterface
    interface Then {
        void run(CaseFile file, Episode episode, LocalDate today);
    }

    private final Authority authority;

    Episodes(Authority authority) {
        this.authority = authority;
    }

    /** At {@code at}, opens an episode of {@code kind}, records {@code started} with its id, then runs {@code then}. */
    void open(Child child, Instant at, EpisodeKind kind, Function<String, EventData> started, Then then) {
        authority.sim.at(at, () -> {
            if (!child.hasOpenCase() || child.caseFile().has(kind)) {
                return;
            }
            CaseFile file = child.caseFile();
            LocalDate today = authority.sim.today();
            Episode episode = file.start(kind, new Episode(authority.ids.next(kind.ids())));
            authority.sim.record(child.subject(), started.apply(episode.id()));
            then.run(file, episode, today);
        });
    }
}
