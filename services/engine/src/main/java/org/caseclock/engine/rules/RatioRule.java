package org.caseclock.engine.rules;

import org.caseclock.events.out.Status;
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
import org.caseclock.engine.rules.Timeline.Episode;
import org.caseclock.engine.rules.Timeline.EpisodeKind;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;

/**
 * RATIO: items dated in a period (referrals received, ICPCs held, children missing in a month,
 * cases closed, CP plans ended, care leavers' birthdays) and the share of them meeting a
 * condition, each judged on everything known as at T.
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
        return switch (def.items().of()) {
            case EVENTS -> def.items().perMonth() ? perMonth(ctx) : perEvent(ctx);
            case CASES_CLOSED -> casesClosed(ctx);
            case EPISODES_ENDED -> episodesEnded(ctx);
            case BIRTHDAYS -> birthdays(ctx);
        };
    }

    /** An item dated {@code date}, counting for the team holding the child at the end of that date. */
    private Item item(RuleContext ctx, String key, LocalDate date, boolean met) {
        Allocation a = Rule.dayAllocation(ctx, date);
        return new Item(def.code(), key, met ? Status.MET : Status.NOT_MET, Timeline.teamOf(a), a.worker(),
                date, null, null, null, date, YearMonth.from(date), met, true, null, null);
    }

    /**
     * EH9: each CaseClosed that closed an open case; met when an early help episode was open at the
     * closure (read in processing order, so an end recorded at the same instant but applied after
     * the closure leaves it open) or an EarlyHelpStarted is dated in [close date, close date + span].
     */
    private List<Item> casesClosed(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        Set<java.time.Instant> closings = new HashSet<>();
        for (Timeline.CasePeriod c : tl.cases()) {
            if (c.close() != null) {
                closings.add(c.close());
            }
        }
        Set<String> earlyHelpOpen = new HashSet<>();
        List<Item> items = new ArrayList<>();
        for (CaseEvent e : tl.events()) {
            if (!ctx.happened(e)) {
                break;
            }
            if (e.data() instanceof EventData.EarlyHelpStarted started) {
                earlyHelpOpen.add(started.episodeId());
            } else if (e.data() instanceof EventData.EarlyHelpEnded ended) {
                earlyHelpOpen.remove(ended.episodeId());
            } else if (e.type() == EventType.CaseClosed && closings.remove(e.timeInstant())) {
                LocalDate date = London.date(e.timeInstant());
                LocalDate until = def.condition().within().addTo(date, ctx.calendar());
                boolean met = !earlyHelpOpen.isEmpty() || activityBetween(ctx, EventType.EarlyHelpStarted, date, until);
                items.add(item(ctx, e.id(), date, met));
            }
        }
        return items;
    }

    /** CP15: each episode of the population that has ended by T (by its end event or a CaseClosed), dated at its end. */
    private List<Item> episodesEnded(RuleContext ctx) {
        List<Item> items = new ArrayList<>();
        for (Episode ep : ctx.timeline().episodes(EpisodeKind.valueOf(def.population().name()))) {
            if (ep.end() == null || ep.end().isAfter(ctx.at())) {
                continue;
            }
            LocalDate end = London.date(ep.end());
            boolean met = !end.isBefore(def.condition().within().addTo(ep.startDate(), ctx.calendar()));
            items.add(item(ctx, ep.id() + "@" + ep.startDate(), end, met));
        }
        return items;
    }

    /**
     * CL2-CL4: one item per birthday of the ages configured, from the birthday on, where an episode
     * of the population was open at some time on that date (started on or before it, not ended
     * before it). A child with no birth date as at T has none.
     */
    private List<Item> birthdays(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        LocalDate birth = tl.birthDateAt(ctx.at());
        if (birth == null) {
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (int n = def.ages().min(); n <= def.ages().max(); n++) {
            LocalDate birthday = Timeline.dateOfAge(birth, n);
            if (birthday.isAfter(ctx.today())) {
                ctx.wakeOn(birthday);
                break;
            }
            if (openOn(ctx, birthday)) {
                items.add(item(ctx, String.valueOf(n), birthday, latestAroundMatches(ctx, birthday)));
            }
        }
        return items;
    }

    private boolean openOn(RuleContext ctx, LocalDate date) {
        for (Episode ep : ctx.timeline().episodes(EpisodeKind.valueOf(def.population().name()))) {
            boolean started = !ep.start().isAfter(ctx.at()) && !ep.startDate().isAfter(date);
            boolean notEndedBefore = ep.end() == null || ep.end().isAfter(ctx.at()) || !London.date(ep.end()).isBefore(date);
            if (started && notEndedBefore) {
                return true;
            }
        }
        return false;
    }

    /** The latest event of the condition's type (processing order, by T) dated in [d - within, d + after] matches. */
    private boolean latestAroundMatches(RuleContext ctx, LocalDate date) {
        Condition c = def.condition();
        LocalDate from = c.within().subtractFrom(date);
        LocalDate to = c.after().addTo(date, ctx.calendar());
        CaseEvent latest = null;
        for (CaseEvent e : ctx.timeline().ofType(c.type())) {
            if (!ctx.happened(e)) {
                break;
            }
            LocalDate d = London.date(e.timeInstant());
            if (!d.isBefore(from) && !d.isAfter(to)) {
                latest = e;
            }
        }
        return latest != null && RuleContext.matches(latest, c.where());
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
            if (!RuleContext.matches(e, def.items().where()) || !seen.add(key)) {
                continue;
            }
            LocalDate date = London.date(e.timeInstant());
            Boolean met = test(ctx, e, date, all.subList(0, i));
            if (met == null) {
                continue; // outside the items, e.g. an ICPC with no S47 strategy discussion to link to
            }
            items.add(item(ctx, key, date, met));
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
            boolean met = activityBetween(ctx, def.condition().type(), end.minusMonths(def.condition().within().amount()), end);
            Allocation a = Rule.monthAllocation(ctx, month);
            items.add(new Item(def.code(), month.toString(), met ? Status.MET : Status.NOT_MET, Timeline.teamOf(a),
                    a.worker(), m.getValue(), null, null, null, m.getValue(), month, met, true, null, null));
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
                LocalDate from = c.within().subtractFrom(date);
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
            default -> throw new IllegalStateException(c.test() + " is not a condition on a per-event item");
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

    private static boolean activityBetween(RuleContext ctx, EventType type, LocalDate from, LocalDate to) {
        for (CaseEvent e : ctx.timeline().ofType(type)) {
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
