package org.caseclock.engine.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.Indicator.Condition;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.rules.Timeline.Allocation;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;

/**
 * RATIO: items dated in a period (referrals received, ICPCs held, children missing in a month)
 * and the share of them meeting a condition, each judged on everything known as at T.
 */
public final class RatioRule implements Rule {

    private final Indicator def;

    RatioRule(Indicator def) {
        this.def = def;
    }

    @Override
    public Indicator indicator() {
        return def;
    }

    @Override
    public List<Item> evaluate(RuleContext ctx) {
        return def.items().perMonth() ? perMonth(ctx) : perEvent(ctx);
    }

    private List<Item> perEvent(RuleContext ctx) {
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<CaseEvent> all = ctx.timeline().ofType(def.items().type());
        for (int i = 0; i < all.size(); i++) {
            CaseEvent e = all.get(i);
            if (!ctx.happened(e)) {
                break;
            }
            String key = def.items().key() == null ? e.id() : RuleContext.field(e.data(), def.items().key());
            if (!seen.add(key)) {
                continue;
            }
            LocalDate date = London.date(e.timeInstant());
            Boolean met = test(ctx, e, date, all.subList(0, i));
            if (met == null) {
                continue; // outside the items, e.g. an ICPC with no S47 strategy discussion to link to
            }
            Allocation a = Rule.dayAllocation(ctx, date);
            items.add(new Item(def.code(), key, met ? Status.MET : Status.NOT_MET, Timeline.teamOf(a), a.worker(),
                    date, null, null, null, date, YearMonth.from(date), met, true, null));
        }
        return items;
    }

    /** Children with an event of the item type in a month: one item per child and month. */
    private List<Item> perMonth(RuleContext ctx) {
        Map<YearMonth, LocalDate> firstInMonth = new LinkedHashMap<>();
        for (CaseEvent e : ctx.timeline().ofType(def.items().type())) {
            if (!ctx.happened(e)) {
                break;
            }
            LocalDate d = London.date(e.timeInstant());
            firstInMonth.putIfAbsent(YearMonth.from(d), d);
        }
        List<Item> items = new ArrayList<>();
        for (Map.Entry<YearMonth, LocalDate> m : firstInMonth.entrySet()) {
            YearMonth month = m.getKey();
            // E is the month end, or today while the month is still running.
            LocalDate end = YearMonth.from(ctx.today()).equals(month) ? ctx.today() : month.atEndOfMonth();
            if (end.equals(ctx.today())) {
                ctx.wakeOn(ctx.today().plusDays(1));
            }
            boolean met = activityBetween(ctx, def.condition(), end.minusMonths(def.condition().within().amount()), end);
            Allocation a = Rule.monthAllocation(ctx, month);
            items.add(new Item(def.code(), month.toString(), met ? Status.MET : Status.NOT_MET, Timeline.teamOf(a),
                    a.worker(), m.getValue(), null, null, null, m.getValue(), month, met, true, null));
        }
        return items;
    }

    /** Whether the item meets the condition; null if it is not an item of this indicator at all. */
    private Boolean test(RuleContext ctx, CaseEvent item, LocalDate date, List<CaseEvent> earlierOfType) {
        Condition c = def.condition();
        return switch (c.test()) {
            case WHERE -> RuleContext.matches(item, c.where());
            case LINKED_EXISTS -> {
                String link = RuleContext.field(item.data(), c.itemField());
                boolean found = false;
                for (CaseEvent e : ctx.timeline().ofType(c.type())) {
                    if (ctx.happened(e) && link != null && link.equals(RuleContext.field(e.data(), c.field()))) {
                        found = true;
                        break;
                    }
                }
                yield found;
            }
            case EARLIER_WITHIN -> {
                LocalDate from = minus(date, c);
                boolean found = false;
                for (CaseEvent e : ctx.timeline().ofType(c.type())) {
                    LocalDate d = London.date(e.timeInstant());
                    if (ctx.happened(e) && e != item && !d.isBefore(from) && d.isBefore(date)) {
                        found = true;
                        break;
                    }
                }
                yield found;
            }
            case EARLIER_EXISTS -> {
                String key = def.items().key() == null ? null : RuleContext.field(item.data(), def.items().key());
                boolean found = false;
                for (CaseEvent e : earlierOfType) {
                    if (key == null || !key.equals(RuleContext.field(e.data(), def.items().key()))) {
                        found = true;
                        break;
                    }
                }
                yield found;
            }
            case STRATEGY_WITHIN -> {
                CaseEvent strategy = linkedStrategy(ctx, item, date, c);
                yield strategy == null ? null
                        : !date.isAfter(c.within().addTo(London.date(strategy.timeInstant()), ctx.calendar()));
            }
            case ACTIVITY_BEFORE_MONTH_END -> throw new IllegalStateException("a per-month condition on a per-event item");
        };
    }

    /** {@code date} minus the condition's span: FD8's "dated in [d - 12 M, d)". */
    private static LocalDate minus(LocalDate date, Condition c) {
        return switch (c.within().unit()) {
            case D -> date.minusDays(c.within().amount());
            case M -> date.minusMonths(c.within().amount());
            default -> throw new IllegalStateException("a look-back must be in days or months: " + c.within());
        };
    }

    /**
     * CP5: the strategy discussion an ICPC follows: the one its strategyId names (which must be an
     * S47 one), else the latest S47 one dated on or before the ICPC; null if there is none.
     */
    private static CaseEvent linkedStrategy(RuleContext ctx, CaseEvent icpc, LocalDate date, Condition c) {
        String strategyId = ((EventData.InitialConferenceHeld) icpc.data()).strategyId();
        CaseEvent latest = null;
        for (CaseEvent e : ctx.timeline().ofType(EventType.StrategyDiscussionHeld)) {
            if (!ctx.happened(e)) {
                break;
            }
            EventData.StrategyDiscussionHeld s = (EventData.StrategyDiscussionHeld) e.data();
            if (strategyId != null) {
                if (strategyId.equals(s.strategyId())) {
                    return RuleContext.matches(e, c.where()) ? e : null;
                }
            } else if (RuleContext.matches(e, c.where()) && !London.date(e.timeInstant()).isAfter(date)) {
                latest = e;
            }
        }
        return latest;
    }

    private static boolean activityBetween(RuleContext ctx, Condition c, LocalDate from, LocalDate to) {
        for (CaseEvent e : ctx.timeline().ofType(c.type())) {
            if (!ctx.happened(e)) {
                break;
            }
            LocalDate d = London.date(e.timeInstant());
            if (!d.isBefore(from) && !d.isAfter(to)) {
                return true;
            }
        }
        return false;
    }
}
