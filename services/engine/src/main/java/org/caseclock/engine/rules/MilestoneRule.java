package org.caseclock.engine.rules;

import org.caseclock.events.out.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.Indicator.ClosesFrom;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.rules.Timeline.Allocation;
import org.caseclock.engine.rules.Timeline.Episode;
import org.caseclock.engine.rules.Timeline.EpisodeKind;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;

/**
 * MILESTONE: an item opens at its start event, must be completed by start + timescale, and is
 * ON_TIME, LATE, OVERDUE, PENDING or CANCELLED (the case closed, or for CLA18 the period of care
 * ended, while it was still PENDING: excluded for good).
 */
public final class MilestoneRule implements Rule {

    private final Indicator def;

    MilestoneRule(Indicator def) {
        this.def = def;
    }

    @Override
    public Indicator indicator() {
        return def;
    }

    /** An opened item: its key, the opening instant, and the events after it that may close it. */
    private record Opening(String key, Instant opened, int index, YearMonth month) {}

    @Override
    public List<Item> evaluate(RuleContext ctx) {
        List<Item> items = new ArrayList<>();
        for (Opening o : openings(ctx)) {
            items.add(judge(ctx, o));
        }
        return items;
    }

    private List<Opening> openings(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        List<Opening> openings = new ArrayList<>();
        if (def.opens().nthInMonth() != null) {
            // Per child and month: the nth missing episode actually started (a repeated start of an open id is ignored).
            Map<YearMonth, List<Instant>> starts = new LinkedHashMap<>();
            for (Episode ep : tl.episodes(EpisodeKind.MISSING)) {
                if (!ep.start().isAfter(ctx.at())) {
                    starts.computeIfAbsent(London.month(ep.start()), m -> new ArrayList<>()).add(ep.start());
                }
            }
            int n = def.opens().nthInMonth();
            for (Map.Entry<YearMonth, List<Instant>> e : starts.entrySet()) {
                if (e.getValue().size() >= n) {
                    Instant opened = e.getValue().stream().sorted().toList().get(n - 1);
                    openings.add(new Opening(e.getKey().toString(), opened, indexAt(tl, opened), e.getKey()));
                }
            }
            return openings;
        }
        Set<String> seen = new HashSet<>();
        List<CaseEvent> events = tl.events();
        for (int i = 0; i < events.size(); i++) {
            CaseEvent e = events.get(i);
            if (!ctx.happened(e)) {
                break;
            }
            if (e.type() == def.opens().type() && RuleContext.matches(e, def.opens().where())) {
                String key = RuleContext.field(e.data(), def.opens().key());
                if (key != null && seen.add(key)) {
                    openings.add(new Opening(key, e.timeInstant(), i, null));
                }
            }
        }
        return openings;
    }

    /** The index of the last event at or before an instant, so "after the opening" follows rule order. */
    private static int indexAt(Timeline tl, Instant t) {
        List<CaseEvent> events = tl.events();
        int idx = -1;
        for (int i = 0; i < events.size() && !events.get(i).timeInstant().isAfter(t); i++) {
            idx = i;
        }
        return idx;
    }

    private Item judge(RuleContext ctx, Opening o) {
        Timeline tl = ctx.timeline();
        LocalDate openDate = London.date(o.opened());
        Instant deadline = def.timescale().isHours() ? def.timescale().addTo(o.opened()) : null;
        LocalDate due = deadline != null ? London.date(deadline) : def.timescale().addTo(openDate, ctx.calendar());
        Instant completedAt = null;
        boolean cancelled = false;

        if (def.closes().from() == ClosesFrom.MONTH_START || def.closes().from() == ClosesFrom.OPENING_DATE) {
            // A qualifying event dated from the 1st of the month (MC15), or from the opening's date (CP6), counts,
            // even one before the item opened.
            LocalDate from = def.closes().from() == ClosesFrom.MONTH_START ? o.month().atDay(1) : openDate;
            for (CaseEvent e : tl.ofType(def.closes().type())) {
                if (ctx.happened(e) && !London.date(e.timeInstant()).isBefore(from)
                        && RuleContext.matches(e, def.closes().where())) {
                    if (e.timeInstant().isAfter(o.opened()) && cancelledBefore(tl, o, e.timeInstant(), deadline, due)) {
                        cancelled = true;
                    } else {
                        completedAt = e.timeInstant();
                    }
                    break;
                }
            }
            if (completedAt == null && !cancelled) {
                cancelled = cancelledBefore(tl, o, ctx.at(), deadline, due);
            }
        } else {
            List<CaseEvent> events = tl.events();
            for (int i = o.index() + 1; i < events.size(); i++) {
                CaseEvent e = events.get(i);
                if (!ctx.happened(e)) {
                    break;
                }
                if (e.type() == EventType.CaseClosed || isThisEpisodeEnd(e, o)) {
                    if (stillPending(e.timeInstant(), deadline, due)) {
                        cancelled = true;
                        break;
                    }
                    if (def.cancelWhenEpisodeEnds()) {
                        break; // the period of care is over, so nothing later is "in the episode"
                    }
                    continue; // already overdue: it stays so, and a late completion makes it LATE
                }
                if (e.type() == def.closes().type() && closes(e, o)) {
                    completedAt = e.timeInstant();
                    break;
                }
            }
        }

        Status status;
        if (completedAt != null) {
            boolean onTime = deadline != null ? !completedAt.isAfter(deadline) : !London.date(completedAt).isAfter(due);
            status = onTime ? Status.ON_TIME : Status.LATE;
        } else if (cancelled) {
            status = Status.CANCELLED;
        } else if (deadline != null ? ctx.at().isAfter(deadline) : ctx.today().isAfter(due)) {
            status = Status.OVERDUE;
        } else {
            status = Status.PENDING;
            if (deadline != null) {
                ctx.wakeAt(deadline.plusMillis(1));
            } else {
                ctx.wakeOn(due.plusDays(1));
            }
        }

        LocalDate refDate = switch (def.reference()) {
            case OPENED -> openDate;
            case COMPLETED -> completedAt == null ? null : London.date(completedAt);
        };
        YearMonth period = refDate == null ? null : YearMonth.from(refDate);
        Allocation a;
        if (o.month() != null) {
            a = Rule.monthAllocation(ctx, o.month());
        } else if (refDate != null) {
            a = Rule.dayAllocation(ctx, refDate);
        } else {
            a = Rule.snapshotAllocation(ctx);
        }
        boolean counted = period != null && (status == Status.ON_TIME || status == Status.LATE || status == Status.OVERDUE);
        return new Item(def.code(), o.key(), status, Timeline.teamOf(a), a.worker(), openDate,
                completedAt == null ? null : London.date(completedAt), due, deadline, refDate, period,
                counted && status == Status.ON_TIME, counted, null, null);
    }

    private boolean closes(CaseEvent e, Opening o) {
        if (!RuleContext.matches(e, def.closes().where())) {
            return false;
        }
        if (def.closes().key() == null) {
            return true; // the first qualifying event after the opening, within the episode
        }
        return o.key().equals(RuleContext.field(e.data(), def.closes().key()));
    }

    private boolean isThisEpisodeEnd(CaseEvent e, Opening o) {
        return def.cancelWhenEpisodeEnds() && e.data() instanceof EventData.CeasedLookedAfter c && c.episodeId().equals(o.key());
    }

    /** MC15, CP6: whether the case closed after the item opened, before t, while the item was still pending. */
    private boolean cancelledBefore(Timeline tl, Opening o, Instant t, Instant deadline, LocalDate due) {
        for (CaseEvent c : tl.ofType(EventType.CaseClosed)) {
            Instant ct = c.timeInstant();
            if (ct.isAfter(o.opened()) && !ct.isAfter(t) && stillPending(ct, deadline, due)) {
                return true;
            }
        }
        return false;
    }

    private static boolean stillPending(Instant t, Instant deadline, LocalDate due) {
        return deadline != null ? !t.isAfter(deadline) : !London.date(t).isAfter(due);
    }
}
