package org.caseclock.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.rules.SubjectEvaluator.Evaluation;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.Subject;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

/**
 * Reusing the month ends of an earlier evaluation for the months no new event bears on must give
 * exactly what evaluating every month end afresh gives: same items, contributions, next change.
 */
class MonthEndReuseTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private final SubjectEvaluator evaluator =
            new SubjectEvaluator(Catalogue.defaults(), WorkingCalendar.englandAndWales(), 25);

    @Test
    void aSubjectEvaluatedAsItsEventsAreRecorded_reusingMonthEndsBeforeTheNewEventsMonths_getsWhatAFullEvaluationGets() {
        // Given a small simulated authority (late, out-of-order and retracted events among them)
        List<CaseEvent> all = new Simulator(SimulatorConfig.defaults(11, NOW).withOpenCases(20)).history().toList();
        Map<Subject, List<CaseEvent>> bySubject = new LinkedHashMap<>();
        all.forEach(e -> bySubject.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e));
        // When each subject is evaluated every ten days over 400 days, with what had been recorded by then
        List<Instant> at = new ArrayList<>();
        for (int daysAgo = 400; daysAgo >= 0; daysAgo -= 10) {
            at.add(NOW.minusSeconds(daysAgo * 86400L));
        }
        int reused = 0;
        for (Map.Entry<Subject, List<CaseEvent>> s : bySubject.entrySet()) {
            List<CaseEvent> history = new ArrayList<>(s.getValue());
            history.sort(Comparator.comparing(CaseEvent::recordedInstant));
            Evaluation previous = null;
            int seen = 0;
            for (Instant t : at) {
                int upTo = seen;
                while (upTo < history.size() && !history.get(upTo).recordedInstant().isAfter(t)) {
                    upTo++;
                }
                List<CaseEvent> known = history.subList(0, upTo);
                if (known.isEmpty()) {
                    continue;
                }
                YearMonth bearsFrom = YearMonth.from(t.atZone(java.time.ZoneOffset.UTC)).plusMonths(1);
                for (CaseEvent e : history.subList(seen, upTo)) {
                    YearMonth m = SubjectEvaluator.firstMonthBearing(e);
                    bearsFrom = m == null || bearsFrom == null || m.isBefore(bearsFrom) ? m : bearsFrom;
                }
                Evaluation full = evaluator.evaluate(s.getKey(), known, t);
                Evaluation incremental = previous == null ? full
                        : evaluator.evaluate(s.getKey(), known, t, previous.monthEnds(), bearsFrom);
                // Then the two are the same
                assertThat(incremental.items()).as(s.getKey() + " at " + t).isEqualTo(full.items());
                assertThat(incremental.contributions()).as(s.getKey() + " at " + t).isEqualTo(full.contributions());
                assertThat(incremental.nextChange()).as(s.getKey() + " at " + t).isEqualTo(full.nextChange());
                assertThat(incremental.monthEnds()).as(s.getKey() + " at " + t).isEqualTo(full.monthEnds());
                if (previous != null && bearsFrom != null && !previous.monthEnds().isEmpty()
                        && bearsFrom.isAfter(previous.monthEnds().get(0).month())) {
                    reused++;
                }
                previous = full;
                seen = upTo;
            }
        }
        assertThat(reused).as("evaluations that reused a month end").isGreaterThan(50);
    }
}
