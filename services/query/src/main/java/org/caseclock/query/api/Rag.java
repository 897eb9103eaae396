package org.caseclock.query.api;

import org.caseclock.catalogue.Indicator;

/** Red, amber, green against the target (INDICATORS.md, "RAG and change"); grey when there is nothing to rate. */
public enum Rag {
    GREEN, AMBER, RED, GREY;

    // Targets and tolerances are decimals that doubles hold inexactly (0.95 - 0.10, 17 * 0.10):
    // a value exactly on a boundary must not fall to the worse side of it by a rounding error.
    private static final double ROUNDING = 1e-9;

    /**
     * Whether a percentage rests on too few cases to be rated: a denominator above 0 and below
     * {@code minDenominator} (caseclock.query.rag-min-denominator). Counts and W1 are always rated.
     */
    public static boolean tooFew(Indicator indicator, Long denominator, int minDenominator) {
        return indicator.isPercentage() && denominator != null && denominator > 0 && denominator < minDenominator;
    }

    /** As {@link #of(Indicator, Double)}, GREY where {@link #tooFew} withholds it. */
    public static Rag of(Indicator indicator, Double value, Long denominator, int minDenominator) {
        return tooFew(indicator, denominator, minDenominator) ? GREY : of(indicator, value);
    }

    public static Rag of(Indicator indicator, Double value) {
        if (indicator.target() == null || value == null) {
            return GREY;
        }
        double shortfall = indicator.better() == Indicator.Better.lower
                ? value - indicator.target()
                : indicator.target() - value;
        if (shortfall <= ROUNDING) {
            return GREEN;
        }
        return shortfall <= indicator.effectiveTolerance() + ROUNDING ? AMBER : RED;
    }
}
