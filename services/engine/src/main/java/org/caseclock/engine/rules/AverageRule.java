package org.caseclock.engine.rules;

import org.caseclock.events.out.Status;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.rules.Timeline.Allocation;
import org.caseclock.engine.rules.Timeline.Episode;
import org.caseclock.engine.rules.Timeline.EpisodeKind;
import org.caseclock.events.CaseEvent;

/**
 * AVERAGE (v1.1): items of a period of care, each with a measure in days, dated by the item's
 * event. The evaluator counts each item in every month of the rolling window that starts with
 * its month, so a month's value is the average over the window ending with it. An event is
 * "within" a period of care when dated from the period's start date to its end date.
 */
public record AverageRule(Indicator indicator) implements Rule {

    @Override
    public List<Item> evaluate(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // two periods of care open at once count an event once
        for (Episode ep : tl.episodes(EpisodeKind.LOOKED_AFTER)) {
            if (ep.start().isAfter(ctx.at())) {
                continue;
            }
            for (CaseEvent e : tl.ofType(indicator.items().type())) {
                if (!ctx.happened(e)) {
                    break;
                }
                LocalDate date = London.date(e.timeInstant());
                if (!within(ep, date) || !RuleContext.matches(e, indicator.items().where()) || seen.contains(e.id())) {
                    continue;
                }
                LocalDate from = measuredFrom(ctx, ep, date);
                if (from == null) {
                    continue; // A2: a match with no placement order before it in this period of care is no item
                }
                seen.add(e.id());
                Allocation a = Rule.dayAllocation(ctx, date);
                items.add(new Item(indicator.code(), e.id(), Status.COUNTED, Timeline.teamOf(a), a.worker(), from, date, null,
                        null, date, YearMonth.from(date), true, true, null, ChronoUnit.DAYS.between(from, date)));
                YearMonth next = YearMonth.from(ctx.today()).plusMonths(1);
                if (YearMonth.from(date).plusMonths(indicator.windowMonths()).isAfter(next)) {
                    // Next month's window holds it too, and the evaluator counts it there when it next runs.
                    ctx.wakeOn(next.atDay(1));
                }
                if (indicator.items().firstInEpisode()) {
                    break;
                }
            }
        }
        return items;
    }

    /** The period of care's start date, or the latest event of {@code measuredFrom} dated within it on or before {@code date}. */
    private LocalDate measuredFrom(RuleContext ctx, Episode ep, LocalDate date) {
        if (indicator.measuredFrom() == null) {
            return ep.startDate();
        }
        LocalDate latest = null;
        for (CaseEvent e : ctx.timeline().ofType(indicator.measuredFrom().type())) {
            if (!ctx.happened(e)) {
                break;
            }
            LocalDate d = London.date(e.timeInstant());
            if (within(ep, d) && !d.isAfter(date) && RuleContext.matches(e, indicator.measuredFrom().where())) {
                latest = latest == null || d.isAfter(latest) ? d : latest;
            }
        }
        return latest;
    }

    private static boolean within(Episode ep, LocalDate d) {
        return !d.isBefore(ep.startDate()) && (ep.end() == null || !d.isAfter(London.date(ep.end())));
    }
}
