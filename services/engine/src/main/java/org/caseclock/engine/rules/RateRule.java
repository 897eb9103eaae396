package org.caseclock.engine.rules;

import java.util.List;
import org.caseclock.catalogue.Indicator;

/**
 * RATE (v1.1): the items of the COUNT it is built on ({@code rateOf}), under its own code. The
 * denominator is the scope's configured child population, which is no subject's to count: the
 * query side applies it.
 */
public record RateRule(Indicator indicator, Rule count) implements Rule {

    @Override
    public List<Item> evaluate(RuleContext ctx) {
        return count.evaluate(ctx).stream().map(i -> i.withCode(indicator.code())).toList();
    }
}
