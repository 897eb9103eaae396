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
 * history times the months it evaluates afresh (every retained month the first time; after that
 * only those a new event bears on, its month-end results being kept), never to the population.
 */
public final class SubjectEvaluator {

    /** Data-quality counters ride on the same buckets under these codes. */
    public static final String DATA_QUALITY_PREFIX = "DQ_";

    private final List<Rule> rules;
    private final WorkingCalendar calendar;
    private final int retainedMonths;
    /** Per code, the months a period item counts in from its own: 36 for AVERAGE's rolling window, else 1. */
    private final Map<String, Integer> windowMonths = new HashMap<>();

    public SubjectEvaluator(Catalogue catalogue, WorkingCalendar calendar, int retainedMonths) {
        this.rules = catalogue.all().stream().map(i -> Rule.of(i, catalogue)).toList();
        for (Indicator i : catalogue.all()) {
            windowMonths.put(i.code(), i.windowMonths());
        }
        this.calendar = calendar;
        this.retainedMonths = retainedMonths;
    }

    /**
     * @param nextChange the next instant to evaluate the subject again with no new event, besides its flips
     * @param flips the items' status changes known in advance (after now, before any new event)
     * @param monthEnds what each closed month since the subject's first (within retention) took
     *     from its month-end and first-reported evaluations: a later evaluation may reuse them
     */
    public record Evaluation(List<Item> items, Map<Bucket, Tally> contributions, Instant nextChange, YearMonth month,
                             List<MonthEnd> monthEnds, List<Flip> flips) {}

    /**
     * One closed month's part of the contributions that comes from evaluating the subject as at
     * the month's last instant: the snapshot items then ({@link Part#VALUE}), and the revision's
     * month-end and first-reported terms ({@link Part#REVISION}, before adding the items judged
     * now). Both are functions of the history and the month alone, so they stand until an event
     * bearing on the month arrives: that is what lets a live event re-evaluate only its own month
     * on, not every retained month end.
     */
    public record MonthEnd(YearMonth month, Map<Bucket, Tally> value, Map<Bucket, Tally> revision) {}

    /** Evaluates every retained month end afresh. */
    public Evaluation evaluate(Subject subject, List<CaseEvent> history, Instant now) {
        return evaluate(subject, history, now, List.of(), null);
    }

    /**
     * As {@link #evaluate(Subject, List, Instant)}, reusing the month ends of an earlier evaluation
     * for the months before {@code reuseBefore}: the caller vouches that no event the earlier
     * evaluation did not see bears on those months (none is dated, recorded or retracts anything
     * before it). {@code reuseBefore} null reuses nothing. The result is the same either way.
     */
    public Evaluation evaluate(Subject subject, List<CaseEvent> history, Instant now, List<MonthEnd> earlier,
                               YearMonth reuseBefore) {
        Timeline full = Timeline.of(subject, history, null);
        YearMonth current = London.month(now);

        RuleContext nowCtx = new RuleContext(full, now, calendar);
        List<Item> items = evaluateAll(nowCtx);
        Map<Bucket, Tally> contributions = new HashMap<>();
        if (history.isEmpty()) {
            return new Evaluation(items, contributions, nowCtx.nextChange(), current, List.of(), nowCtx.flips());
        }
        YearMonth first = firstMonth(history, current);

        for (Item item : items) {
            if (item.isSnapshot()) {
                add(contributions, item, current, Part.VALUE, 1);
            } else if (item.period() != null) {
                YearMonth last = item.period().plusMonths(windowMonths.get(item.code()) - 1L);
                for (YearMonth m = later(item.period(), first); !m.isAfter(last) && !m.isAfter(current); m = m.plusMonths(1)) {
                    add(contributions, item, m, Part.VALUE, 1);
                }
            }
        }
        Instant nextChange = projectMonthEnd(subject, full, history, now, current, contributions, nowCtx.nextChange(),
                !nowCtx.flips().isEmpty());
        full.anomalies().forEach((anomaly, n) -> contributions.merge(
                new Bucket(DATA_QUALITY_PREFIX + anomaly.name(), Timeline.teamOf(full.allocationAt(now)), current, Part.VALUE, ""),
                new Tally(n, 0), Tally::plus));

        Map<YearMonth, MonthEnd> reusable = new HashMap<>();
        if (reuseBefore != null) {
            for (MonthEnd e : earlier) {
                if (e.month().isBefore(reuseBefore)) {
                    reusable.put(e.month(), e);
                }
            }
        }
        List<MonthEnd> monthEnds = new ArrayList<>();
        for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
            MonthEnd monthEnd = reusable.get(m);
            if (monthEnd == null) {
                monthEnd = monthEnd(subject, full, history, m);
            }
            monthEnds.add(monthEnd);
            monthEnd.value().forEach((bucket, tally) -> contributions.merge(bucket, tally, Tally::plus));
            Map<Bucket, Tally> revision = new HashMap<>(monthEnd.revision());
            for (Item item : items) {
                if (countsIn(item, m)) {
                    add(revision, item, m, Part.REVISION, 1);
                }
            }
            revision.forEach((bucket, tally) -> {
                if (!tally.isZero()) {
                    contributions.put(bucket, tally);
                }
            });
        }
        return new Evaluation(items, contributions, nextChange, current, List.copyOf(monthEnds), nowCtx.flips());
    }

    /**
     * The earliest month whose month end an event can change, once the subject has been evaluated
     * without it: the earlier of the months of its time and of its recording (the rules ask of the
     * history only what had happened by an instant, and first-reported only what was recorded by
     * then). Null for a retraction, which can take back (or restore) an event of any month.
     */
    public static YearMonth firstMonthBearing(CaseEvent e) {
        if (e.type() == EventType.EventRetracted) {
            return null;
        }
        YearMonth month = London.month(e.timeInstant());
        if (e.recordedat() != null && London.month(e.recordedInstant()).isBefore(month)) {
            month = London.month(e.recordedInstant());
        }
        return month;
    }

    /** Month {@code m}'s month-end part: the subject as at the month's last instant, and as first reported then. */
    private MonthEnd monthEnd(Subject subject, Timeline full, List<CaseEvent> history, YearMonth m) {
        Instant end = London.endOfMonth(m);
        List<Item> atMonthEnd = evaluateAll(new RuleContext(full, end, calendar));
        Map<Bucket, Tally> value = new HashMap<>();
        Map<Bucket, Tally> revision = new HashMap<>();
        for (Item item : atMonthEnd) {
            if (item.isSnapshot()) {
                add(value, item, m, Part.VALUE, 1);
                add(revision, item, m, Part.REVISION, 1);
            }
        }
        // As first reported: the month as a report run at its last instant would have seen it.
        List<Item> firstReported = recordedLate(history, end)
                ? evaluateAll(new RuleContext(Timeline.of(subject, history, end), end, calendar))
                : atMonthEnd;
        for (Item item : firstReported) {
            if (item.isSnapshot() || countsIn(item, m)) {
                add(revision, item, m, Part.REVISION, -1);
            }
        }
        return new MonthEnd(m, value, revision);
    }

    /**
     * Projected month end (INDICATORS.md, "Comparators, projection and overview"): the running
     * month's value computed as at its last instant from the events whose time is at or before
     * now (every retraction counts, whatever its own time): nothing further happens. Added to
     * {@code contributions} under {@link Part#PROJECTED}; returns the next instant to look at the
     * subject again. With no new event the projection changes only when an event dated after now
     * comes to have happened, or when the month turns (the new month's projection is built by its
     * subjects, so a subject with a projected contribution, or whose answers change with time and
     * so may have one next month, wakes at the turn; so does one with flips to come).
     */
    private Instant projectMonthEnd(Subject subject, Timeline full, List<CaseEvent> history, Instant now, YearMonth current,
                                    Map<Bucket, Tally> contributions, Instant nextChange, boolean flipsToCome) {
        List<CaseEvent> happened = new ArrayList<>(history.size());
        Instant nextEvent = null;
        for (CaseEvent e : history) {
            if (!e.timeInstant().isAfter(now) || e.type() == EventType.EventRetracted) {
                happened.add(e);
            } else if (nextEvent == null || e.timeInstant().isBefore(nextEvent)) {
                nextEvent = e.timeInstant();
            }
        }
        // Nearly always nothing is dated after now: the timeline already built from the whole history serves.
        Timeline timeline = happened.size() == history.size() ? full : Timeline.of(subject, happened, null);
        RuleContext monthEnd = new RuleContext(timeline, London.endOfMonth(current), calendar);
        boolean projected = false;
        for (Item item : evaluateAll(monthEnd)) {
            if (item.isSnapshot() || countsIn(item, current)) {
                projected |= add(contributions, item, current, Part.PROJECTED, 1);
            }
        }
        Instant next = nextChange;
        if (projected || nextChange != null || flipsToCome) {
            next = earlier(next, London.startOfMonth(current.plusMonths(1)));
        }
        return nextEvent == null ? next : earlier(next, nextEvent);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
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

    /** Whether a period item counts in month {@code m}: its own month, or any of its rolling window. */
    private boolean countsIn(Item item, YearMonth m) {
        return item.period() != null && !m.isBefore(item.period())
                && m.isBefore(item.period().plusMonths(windowMonths.get(item.code())));
    }

    private static YearMonth later(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    /** An item adds 1 (an AVERAGE item its days) to the numerator when it meets, and 1 to the denominator; whether it adds anything. */
    private static boolean add(Map<Bucket, Tally> into, Item item, YearMonth month, Part part, int sign) {
        if (!item.numerator() && !item.denominator()) {
            return false;
        }
        long numerator = item.days() != null ? item.days() : 1;
        Tally t = new Tally(item.numerator() ? sign * numerator : 0, item.denominator() ? sign : 0);
        into.merge(new Bucket(item.code(), item.team(), month, part, item.distinct() == null ? "" : item.distinct()),
                t, Tally::plus);
        return true;
    }

    public List<Indicator> indicators() {
        return rules.stream().map(Rule::indicator).toList();
    }
}
