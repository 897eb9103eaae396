package org.caseclock.engine.rules;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.time.London;
import org.caseclock.catalogue.time.WorkingCalendar;
import org.caseclock.engine.rules.Bucket.Part;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventType;
import org.caseclock.events.Subject;

/**
 * Everything the engine knows about one subject, worked out from its history alone: the items
 * as at now, its contribution to every counter for every retained month, and the next instant
 * at which any of that changes with no new event. The cost is proportional to the subject's
 * history times the months retained, never to the population.
 */
public final class SubjectEvaluator {

    /** Data-quality counters ride on the same buckets under these codes. */
    public static final String DATA_QUALITY_PREFIX = "DQ_";

    private final List<Rule> rules;
    private final WorkingCalendar calendar;
    private final int retainedMonths;

    public SubjectEvaluator(Catalogue catalogue, WorkingCalendar calendar, int retainedMonths) {
        this.rules = catalogue.all().stream().map(Rule::of).toList();
        this.calendar = calendar;
        this.retainedMonths = retainedMonths;
    }

    public record Evaluation(List<Item> items, Map<Bucket, Tally> contributions, Instant nextChange, YearMonth month) {}

    public Evaluation evaluate(Subject subject, List<CaseEvent> history, Instant now) {
        Timeline full = Timeline.of(subject, history, null);
        YearMonth current = London.month(now);

        RuleContext nowCtx = new RuleContext(full, now, calendar);
        List<Item> items = evaluateAll(nowCtx);
        Map<Bucket, Tally> contributions = new HashMap<>();
        if (history.isEmpty()) {
            return new Evaluation(items, contributions, nowCtx.nextChange(), current);
        }
        YearMonth first = firstMonth(history, current);

        for (Item item : items) {
            if (item.isSnapshot()) {
                add(contributions, item, current, Part.VALUE, 1);
            } else if (item.period() != null && !item.period().isBefore(first)) {
                add(contributions, item, item.period(), Part.VALUE, 1);
            }
        }
        full.anomalies().forEach((anomaly, n) -> contributions.merge(
                new Bucket(DATA_QUALITY_PREFIX + anomaly.name(), Timeline.teamOf(full.allocationAt(now)), current, Part.VALUE, ""),
                new Tally(n, 0), Tally::plus));

        for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
            Instant end = London.endOfMonth(m);
            List<Item> atMonthEnd = evaluateAll(new RuleContext(full, end, calendar));
            for (Item item : atMonthEnd) {
                if (item.isSnapshot()) {
                    add(contributions, item, m, Part.VALUE, 1);
                }
            }
            // As first reported: the month as a report run at its last instant would have seen it.
            List<Item> firstReported = recordedLate(history, end)
                    ? evaluateAll(new RuleContext(Timeline.of(subject, history, end), end, calendar))
                    : atMonthEnd;
            Map<Bucket, Tally> revision = new HashMap<>();
            for (Item item : items) {
                if (m.equals(item.period())) {
                    add(revision, item, m, Part.REVISION, 1);
                }
            }
            for (Item item : atMonthEnd) {
                if (item.isSnapshot()) {
                    add(revision, item, m, Part.REVISION, 1);
                }
            }
            for (Item item : firstReported) {
                if (item.isSnapshot() || m.equals(item.period())) {
                    add(revision, item, m, Part.REVISION, -1);
                }
            }
            revision.forEach((bucket, tally) -> {
                if (!tally.isZero()) {
                    contributions.put(bucket, tally);
                }
            });
        }
        return new Evaluation(items, contributions, nowCtx.nextChange(), current);
    }

    private List<Item> evaluateAll(RuleContext ctx) {
        List<Item> items = new ArrayList<>();
        for (Rule rule : rules) {
            items.addAll(rule.evaluate(ctx));
        }
        return items;
    }

    /** The first retained month: the subject's first event, or the retention window's start. */
    private YearMonth firstMonth(List<CaseEvent> history, YearMonth current) {
        Instant earliest = history.get(0).timeInstant();
        for (CaseEvent e : history) {
            if (e.timeInstant().isBefore(earliest)) {
                earliest = e.timeInstant();
            }
        }
        YearMonth first = London.month(earliest);
        YearMonth windowStart = current.minusMonths(retainedMonths - 1L);
        return first.isBefore(windowStart) ? windowStart : first;
    }

    /** Whether anything bearing on the month was recorded after its end (so first-reported differs). */
    private static boolean recordedLate(List<CaseEvent> history, Instant monthEnd) {
        for (CaseEvent e : history) {
            if (e.recordedat() != null && e.recordedInstant().isAfter(monthEnd)
                    && (!e.timeInstant().isAfter(monthEnd) || e.type() == EventType.EventRetracted)) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<Bucket, Tally> into, Item item, YearMonth month, Part part, int sign) {
        if (!item.numerator() && !item.denominator()) {
            return;
        }
        Tally t = new Tally(item.numerator() ? sign : 0, item.denominator() ? sign : 0);
        into.merge(new Bucket(item.code(), item.team(), month, part, item.distinct() == null ? "" : item.distinct()),
                t, Tally::plus);
    }

    public List<Indicator> indicators() {
        return rules.stream().map(Rule::indicator).toList();
    }
}
