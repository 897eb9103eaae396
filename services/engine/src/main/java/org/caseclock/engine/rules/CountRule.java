package org.caseclock.engine.rules;

import org.caseclock.events.out.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.rules.Timeline.Allocation;
import org.caseclock.engine.rules.Timeline.CasePeriod;
import org.caseclock.engine.rules.Timeline.Episode;
import org.caseclock.engine.rules.Timeline.EpisodeKind;

/**
 * COUNT: a number, not a share. The open-episode counts, caseload (W1 and W3 both count a
 * worker's cases; the counters make W1 an average and W3 a maximum of them), unallocated cases and
 * unallocated open assessments are snapshots; repeat-missing children (MC1) is counted per month.
 */
public final class CountRule implements Rule {

    private final Indicator def;

    CountRule(Indicator def) {
        this.def = def;
    }

    @Override
    public Indicator indicator() {
        return def;
    }

    @Override
    public List<Item> evaluate(RuleContext ctx) {
        Timeline tl = ctx.timeline();
        return switch (def.measure()) {
            case OPEN_EPISODE -> {
                Episode ep = tl.openEpisode(EpisodeKind.valueOf(def.population().name()), ctx.at());
                yield ep == null ? List.of() : List.of(counted(ctx, def.code(), ep.startDate(), null));
            }
            case CASELOAD, MAX_CASELOAD -> {
                CasePeriod c = tl.isCarer() ? null : tl.openCase(ctx.at());
                Allocation a = Rule.snapshotAllocation(ctx);
                yield c == null || a.worker() == null ? List.of() : List.of(counted(ctx, def.code(), London.date(c.open()), a.worker()));
            }
            case UNALLOCATED_OPEN -> {
                CasePeriod c = tl.isCarer() ? null : tl.openCase(ctx.at());
                if (c == null || Rule.snapshotAllocation(ctx).worker() != null) {
                    yield List.of();
                }
                LocalDate opened = London.date(c.open());
                LocalDate counts = def.minOpen().addTo(opened, ctx.calendar());
                if (ctx.today().isBefore(counts)) {
                    ctx.wakeOn(counts);
                    yield List.of();
                }
                yield List.of(counted(ctx, def.code(), opened, null));
            }
            case UNALLOCATED_ASSESSMENTS -> {
                // Each open assessment counts, two of one child twice; CaseClosed has already ended those it cancels.
                if (tl.isCarer() || Rule.snapshotAllocation(ctx).worker() != null) {
                    yield List.of();
                }
                List<Item> items = new ArrayList<>();
                for (Episode ep : tl.episodes(EpisodeKind.ASSESSMENT)) {
                    if (ep.openAt(ctx.at())) {
                        items.add(counted(ctx, ep.id(), ep.startDate(), null));
                    }
                }
                yield items;
            }
            case REPEAT_MISSING_IN_MONTH -> repeatMissing(ctx);
        };
    }

    private Item counted(RuleContext ctx, String itemId, LocalDate entry, String distinct) {
        Allocation a = Rule.snapshotAllocation(ctx);
        return new Item(def.code(), itemId, Status.COUNTED, Timeline.teamOf(a), a.worker(), entry, null, null, null,
                null, null, true, false, distinct, null);
    }

    private List<Item> repeatMissing(RuleContext ctx) {
        Map<YearMonth, List<Instant>> starts = new LinkedHashMap<>();
        for (Episode ep : ctx.timeline().episodes(EpisodeKind.MISSING)) {
            if (!ep.start().isAfter(ctx.at())) {
                starts.computeIfAbsent(London.month(ep.start()), m -> new ArrayList<>()).add(ep.start());
            }
        }
        List<Item> items = new ArrayList<>();
        for (Map.Entry<YearMonth, List<Instant>> m : starts.entrySet()) {
            if (m.getValue().size() >= def.threshold()) {
                Allocation a = Rule.monthAllocation(ctx, m.getKey());
                LocalDate first = London.date(m.getValue().stream().min(Instant::compareTo).orElseThrow());
                items.add(new Item(def.code(), m.getKey().toString(), Status.COUNTED, Timeline.teamOf(a), a.worker(),
                        first, null, null, null, first, m.getKey(), true, false, null, null));
            }
        }
        return items;
    }
}
