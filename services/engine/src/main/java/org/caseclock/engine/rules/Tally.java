package org.caseclock.engine.rules;

/** A numerator and denominator: what every counter sums. */
public record Tally(long numerator, long denominator) {

    public static final Tally ZERO = new Tally(0, 0);

    public Tally plus(Tally o) {
        return new Tally(numerator + o.numerator, denominator + o.denominator);
    }

    public Tally minus(Tally o) {
        return new Tally(numerator - o.numerator, denominator - o.denominator);
    }

    public boolean isZero() {
        return numerator == 0 && denominator == 0;
    }
}
