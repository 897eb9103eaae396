package org.caseclock.engine.store;

import java.time.YearMonth;
import org.caseclock.engine.rules.Bucket.Part;

/**
 * A change to one counter from one subject. {@code carry}: the subject's month-{@code month}
 * snapshot also stands for every later month until it is next evaluated, so a counter that has
 * already rolled past {@code month} applies the change to those months too.
 */
public record Contribution(
        String code,
        String scope,
        YearMonth month,
        Part part,
        String distinct,
        long numerator,
        long denominator,
        boolean carry) {

    public String key() {
        return code + "|" + scope;
    }
}
