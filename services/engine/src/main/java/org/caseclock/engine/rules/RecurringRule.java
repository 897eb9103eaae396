package org.caseclock.engine.rules;

import org.caseclock.events.out.Status;
import java.time.LocalDate;
import java.util.List;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.Indicator.CaseType;
import org.caseclock.catalogue.time.Span;
import org.caseclock.engine.rules.Timeline.Allocation;
import org.caseclock.engine.rules.Timeline.CasePeriod;
import org.caseclock.engine.rules.Timeline.Episode;
import org.caseclock.engine.rules.Timeline.EpisodeKind;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventType;

/**
 * RECURRING: something that must happen again and again while the subject is in the population
 * (a visit every 28 days while on a CIN plan). k counting activities since the episode start (or
 * the latest reset); due = entry + i0 with none, else the latest + i_min(k, last).
 */
public final class RecurringRule implements Rule {

    private static final int DUE_SOON_WORKING_DAYS = 5;

    private final Indicator def;

    RecurringRule(Indicator def) {
        this.def = def;
    }

    @Override
    public Indicator indicator() {
        return def;
    }

    @Override
    public List<Item> evaluate(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        LocalDate start = populationStart(ctx);
        if (start == null) {
            return List.of();
        }
        LocalDate entry = start;
        if (def.ages() != null) {
            LocalDate birth = tl.birthDateAt(ctx.at());
            if (birth == null) {
                return List.of();
            }
            Integer min = def.ages().min();
            Integer max = def.ages().max();
            if (min != null && Timeline.ageOf(birth, ctx.today()) < min) {
                ctx.wakeOn(Timeline.dateOfAge(birth, min));
                return List.of();
            }
            if (max != null && Timeline.ageOf(birth, ctx.today()) > max) {
                return List.of();
            }
            if (max != null) {
                ctx.wakeOn(Timeline.dateOfAge(birth, max + 1));
            }
            if (def.entry() == Indicator.Entry.LATER_OF_AGE_AND_EPISODE && min != null) {
                entry = later(entry, Timeline.dateOfAge(birth, min));
            }
        }
        if (def.minEpisode() != null) {
            LocalDate eligible = def.minEpisode().addTo(start, ctx.calendar());
            if (ctx.today().isBefore(eligible)) {
                ctx.wakeOn(eligible);
                return List.of();
            }
            if (def.entry() == Indicator.Entry.LATER_OF_AGE_AND_EPISODE) {
                entry = later(entry, eligible);
            }
        }
        CaseType caseType = caseType(ctx);
        if (def.caseTypes() != null && !def.caseTypes().contains(caseType)) {
            return List.of();
        }

        LocalDate countFrom = switch (def.activitiesFrom()) {
            case ANY_TIME -> LocalDate.MIN;
            case EPISODE_START, CASE_OPEN -> start;
        };
        LocalDate reset = latestReset(ctx, start);
        if (reset != null) {
            countFrom = later(countFrom, reset);
        }
        int k = 0;
        LocalDate anchor = null;
        for (CaseEvent e : tl.ofType(def.activity().type())) {
            if (!ctx.happened(e)) {
                break;
            }
            LocalDate d = org.caseclock.catalogue.time.London.date(e.timeInstant());
            if (!d.isBefore(countFrom) && RuleContext.matches(e, def.activity().where())) {
                k++;
                anchor = anchor == null || d.isAfter(anchor) ? d : anchor;
            }
        }
        LocalDate due;
        if (k == 0) {
            due = interval(0, null, ctx, caseType).addTo(reset != null ? reset : entry, ctx.calendar());
        } else {
            due = interval(k, anchor, ctx, caseType).addTo(anchor, ctx.calendar());
        }

        Status status;
        if (ctx.today().isAfter(due)) {
            status = Status.OVERDUE;
        } else if (!due.isAfter(ctx.calendar().plusWorkingDays(ctx.today(), DUE_SOON_WORKING_DAYS))) {
            status = Status.DUE_SOON;
            ctx.flipOn(def.code(), due.plusDays(1), Status.OVERDUE);
        } else {
            // Only the status changes at these midnights (the due date, the team and the rest stand
            // until an event), so they are flips applied as deltas rather than re-evaluations.
            status = Status.IN_TIME;
            ctx.flipOn(def.code(), firstDueSoonDay(ctx, due), Status.DUE_SOON);
            ctx.flipOn(def.code(), due.plusDays(1), Status.OVERDUE);
        }
        Allocation a = Rule.snapshotAllocation(ctx);
        return List.of(new Item(def.code(), def.code(), status, Timeline.teamOf(a), a.worker(), entry, anchor, due,
                null, null, null, status != Status.OVERDUE, true, null, null));
    }

    /** The start date of the population the subject is in as at T, or null if it is not in it. */
    private LocalDate populationStart(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        if (def.population() == Indicator.Population.OPEN_CASE) {
            CasePeriod c = tl.isCarer() ? null : tl.openCase(ctx.at());
            return c == null ? null : org.caseclock.catalogue.time.London.date(c.open());
        }
        Episode ep = tl.openEpisode(EpisodeKind.valueOf(def.population().name()), ctx.at());
        return ep == null ? null : ep.startDate();
    }

    private LocalDate latestReset(RuleContext ctx, LocalDate start) {
        LocalDate latest = null;
        for (EventType type : def.resets()) {
            for (CaseEvent e : ctx.timeline().ofType(type)) {
                if (!ctx.happened(e)) {
                    break;
                }
                LocalDate d = org.caseclock.catalogue.time.London.date(e.timeInstant());
                if (!d.isBefore(start) && (latest == null || d.isAfter(latest))) {
                    latest = d;
                }
            }
        }
        return latest;
    }

    /** i_min(k, last); the case-type interval for supervision; the younger child's interval for CLA16. */
    private Span interval(int k, LocalDate anchor, RuleContext ctx, CaseType caseType) {
        if (def.intervalByCaseType() != null) {
            return def.intervalByCaseType().get(caseType);
        }
        List<Span> intervals = def.intervals();
        Span span = intervals.get(Math.min(k, intervals.size() - 1));
        if (k > 0 && def.youngerInterval() != null) {
            Integer age = ctx.timeline().ageOn(anchor, ctx.at());
            if (age != null && age < def.youngerInterval().belowAge()) {
                span = def.youngerInterval().interval();
            }
        }
        return span;
    }

    /** The case's type as at T: a CP plan; else a CLA episode or CIN plan; else other. */
    private static CaseType caseType(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        if (tl.openEpisode(EpisodeKind.CP_PLAN, ctx.at()) != null) {
            return CaseType.CP;
        }
        if (tl.openEpisode(EpisodeKind.LOOKED_AFTER, ctx.at()) != null || tl.openEpisode(EpisodeKind.CIN_PLAN, ctx.at()) != null) {
            return CaseType.CLA_OR_CIN;
        }
        return CaseType.OTHER;
    }

    /** The first day on which the item is within five working days of its due date. */
    private static LocalDate firstDueSoonDay(RuleContext ctx, LocalDate due) {
        // Five working days never span more than three weeks, so start the search there.
        LocalDate d = later(ctx.today().plusDays(1), due.minusDays(21));
        while (ctx.calendar().plusWorkingDays(d, DUE_SOON_WORKING_DAYS).isBefore(due)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
