package org.caseclock.simulator;

/**
 * How reliably one duty is done in time: on time with probability {@code onTime}, otherwise
 * late by about {@code meanDaysLate} days. {@code never} is the share of one-off duties (a return
 * interview, a missing strategy discussion) that are not done at all; recurring duties ignore it,
 * since a social worker eventually does the next visit even when it is very late.
 */
public record Punctuality(double onTime, double meanDaysLate, double never) {

    public Punctuality {
        if (onTime < 0 || onTime > 1 || never < 0 || never > 1 || meanDaysLate < 1) {
            throw new IllegalArgumentException("onTime and never are shares in [0, 1]; meanDaysLate is at least 1");
        }
    }

    public Punctuality(double onTime, double meanDaysLate) {
        this(onTime, meanDaysLate, 0);
    }

    /** {@code factor} above 1 makes lateness more likely and longer; below 1, rarer and shorter. */
    public Punctuality scaled(double factor) {
        double late = Math.min(1, (1 - onTime) * factor);
        return new Punctuality(1 - late, Math.max(1, meanDaysLate * factor), Math.min(1, never * factor));
    }
}
