package org.caseclock.engine.rules;

import org.caseclock.events.out.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.Indicator.Condition;
import org.caseclock.catalogue.time.London;
import org.caseclock.catalogue.time.Span;
import org.caseclock.engine.rules.Timeline.Allocation;
import org.caseclock.engine.rules.Timeline.Episode;
import org.caseclock.engine.rules.Timeline.EpisodeKind;
import org.caseclock.events.CaseEvent;

/**
 * SHARE (v1.1): a snapshot of the subjects in the population as at T, each MET or NOT_MET by a
 * condition as at T. {@code minEpisode} reads "the current period started on or before date(T)
 * minus the span"; {@code ages} bound the age at date(T).
 */
public record ShareRule(Indicator indicator) implements Rule {

    @Override
    public List<Item> evaluate(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        Episode ep = tl.openEpisode(EpisodeKind.valueOf(indicator.population().name()), ctx.at());
        if (ep == null) {
            return List.of();
        }
        LocalDate today = ctx.today();
        if (indicator.minEpisode() != null && ep.startDate().isAfter(indicator.minEpisode().subtractFrom(today))) {
            ctx.wakeOn(firstDay(ctx, d -> !ep.startDate().isAfter(indicator.minEpisode().subtractFrom(d))));
            return List.of();
        }
        if (indicator.ages() != null && !inAgeRange(ctx)) {
            return List.of();
        }
        Condition c = indicator.condition();
        LocalDate evidence;
        boolean met;
        switch (c.test()) {
            case PLACEMENTS_WITHIN -> {
                // Any period of care: placements dated in (date(T) - within, date(T)].
                int n = 0;
                LocalDate earliest = null;
                for (CaseEvent e : tl.ofType(c.type())) {
                    if (!ctx.happened(e)) {
                        break;
                    }
                    LocalDate d = London.date(e.timeInstant());
                    if (d.isAfter(c.within().subtractFrom(today))) {
                        n++;
                        earliest = earliest == null ? d : earliest;
                        LocalDate counted = d;
                        ctx.wakeOn(firstDay(ctx, x -> !counted.isAfter(c.within().subtractFrom(x))));
                    }
                }
                met = n >= c.atLeast();
                evidence = earliest;
            }
            case PLACEMENT_HELD_FOR -> {
                // The latest placement dated within this period of care, else the period's start.
                evidence = ep.startDate();
                for (CaseEvent e : tl.ofType(org.caseclock.events.EventType.PlacementStarted)) {
                    if (!ctx.happened(e)) {
                        break;
                    }
                    LocalDate d = London.date(e.timeInstant());
                    if (!d.isBefore(ep.startDate())) {
                        evidence = d;
                    }
                }
                met = heldFor(ctx, evidence, c.within());
            }
            case SAME_WORKER_FOR -> {
                evidence = sameWorkerSince(ctx);
                met = evidence != null && heldFor(ctx, evidence, c.within());
            }
            case LATEST_WITHIN -> {
                CaseEvent latest = null;
                for (CaseEvent e : tl.ofType(c.type())) {
                    if (!ctx.happened(e)) {
                        break;
                    }
                    latest = e;
                }
                evidence = latest == null ? null : London.date(latest.timeInstant());
                met = latest != null && RuleContext.matches(latest, c.where())
                        && !evidence.isBefore(c.within().subtractFrom(today));
                if (met) {
                    LocalDate d = evidence;
                    ctx.wakeOn(firstDay(ctx, x -> d.isBefore(c.within().subtractFrom(x))));
                }
            }
            default -> throw new IllegalStateException(c.test() + " is not a SHARE condition");
        }
        Allocation a = Rule.snapshotAllocation(ctx);
        return List.of(new Item(indicator.code(), indicator.code(), met ? Status.MET : Status.NOT_MET, Timeline.teamOf(a), a.worker(),
                ep.startDate(), evidence, null, null, null, null, met, true, null, null));
    }

    private boolean inAgeRange(RuleContext ctx) {
        LocalDate birth = ctx.timeline().birthDateAt(ctx.at());
        if (birth == null) {
            return false; // outside every age-limited population
        }
        int age = Timeline.ageOf(birth, ctx.today());
        Integer min = indicator.ages().min();
        Integer max = indicator.ages().max();
        if (min != null && age < min) {
            ctx.wakeOn(Timeline.dateOfAge(birth, min));
            return false;
        }
        if (max != null && age > max) {
            return false;
        }
        if (max != null) {
            ctx.wakeOn(Timeline.dateOfAge(birth, max + 1));
        }
        return true;
    }

    /** Whether {@code since} is on or before date(T) minus the span; if not, wake when it will be. */
    private static boolean heldFor(RuleContext ctx, LocalDate since, Span span) {
        if (!since.isAfter(span.subtractFrom(ctx.today()))) {
            return true;
        }
        ctx.wakeOn(firstDay(ctx, d -> !since.isAfter(span.subtractFrom(d))));
        return false;
    }

    /**
     * CLA19: the date the unbroken run of allocations naming the worker at T began (processing
     * order, up to T); an allocation to another worker or none, or a CaseClosed, breaks it, a team
     * change with the same worker does not. Null when there is no worker at T.
     */
    private static LocalDate sameWorkerSince(RuleContext ctx) {
        String worker = null;
        LocalDate since = null;
        for (Allocation a : ctx.timeline().allocations()) {
            if (a.from().isAfter(ctx.at())) {
                break;
            }
            if (a.worker() == null || !a.worker().equals(worker)) {
                worker = a.worker();
                since = a.worker() == null ? null : London.date(a.from());
            }
        }
        return since;
    }

    /** The first date after date(T) on which {@code holds} is true (spans of months clamp, so it is searched for). */
    private static LocalDate firstDay(RuleContext ctx, Predicate<LocalDate> holds) {
        LocalDate d = ctx.today().plusDays(1);
        // Start near the answer: step a month at a time, then a day at a time.
        while (!holds.test(d.plusMonths(1))) {
            d = d.plusMonths(1);
        }
        while (!holds.test(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
