package org.caseclock.query.api;

import org.caseclock.catalogue.Indicator;

/** Red, amber, green against the target (INDICATORS.md, "RAG and change"); grey when there is nothing to rate. */
public enum Rag {
    GREEN, AMBER, RED, GREY;

    // Targets and tolerances are decimals that doubles hold inexactly (0.95 - 0.10, 17 * 0.10):
    // a value exactly on a boundary must not fall to the worse side of it by a rounding error.
    private static final double ROUNDING = 1e-9;

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
