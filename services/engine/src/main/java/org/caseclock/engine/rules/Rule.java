package org.caseclock.engine.rules;

import java.util.List;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.rules.Timeline.Allocation;

/** One catalogue entry, evaluated by the class of its kind. */
public interface Rule {

    Indicator indicator();

    /**
     * The subject's items as at {@code ctx.at()}: at most one for a snapshot rule; every item
     * opened by then for a period rule. Reports through {@code ctx} when the answer next changes.
     */
    List<Item> evaluate(RuleContext ctx);

    static Rule of(Indicator indicator, Catalogue catalogue) {
        return switch (indicator.kind()) {
            case RECURRING -> new RecurringRule(indicator);
            case MILESTONE -> new MilestoneRule(indicator);
            case RATIO -> new RatioRule(indicator);
            case COUNT -> new CountRule(indicator);
            case SHARE -> new ShareRule(indicator);
            case AVERAGE -> new AverageRule(indicator);
            case RATE -> new RateRule(indicator, new CountRule(catalogue.get(indicator.rateOf())));
        };
    }

    /** A snapshot item counts for the team and worker holding the subject at the instant asked. */
    static Allocation snapshotAllocation(RuleContext ctx) {
        return ctx.timeline().allocationAt(ctx.at());
    }

    /** A period item counts for the team holding the child at the end of its reference date. */
    static Allocation dayAllocation(RuleContext ctx, java.time.LocalDate refDate) {
        return ctx.timeline().allocationForPeriod(London.startOfDay(refDate), London.endOfDay(refDate), ctx.at());
    }

    /** A month-based item counts for the team holding the child at the end of its month. */
    static Allocation monthAllocation(RuleContext ctx, java.time.YearMonth month) {
        return ctx.timeline().allocationForPeriod(London.startOfMonth(month), London.endOfMonth(month), ctx.at());
    }
}
