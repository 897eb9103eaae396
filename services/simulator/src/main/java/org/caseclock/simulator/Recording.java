package org.caseclock.simulator;

/**
 * How the simulated case management system sends what was done: most activities recorded within
 * the hour or the next day, {@code daysLateShare} of them days later (so they arrive out of
 * order), {@code duplicateShare} sent twice with the same id, and {@code retractionShare} first
 * recorded wrongly, then retracted and recorded again correctly.
 */
public record Recording(double daysLateShare, int maxDaysLate, double duplicateShare, double retractionShare) {

    public Recording {
        if (daysLateShare < 0 || duplicateShare < 0 || retractionShare < 0
                || daysLateShare + duplicateShare + retractionShare > 1 || maxDaysLate < 2) {
            throw new IllegalArgumentException("shares must be non-negative, sum to at most 1, and maxDaysLate be 2 or more");
        }
    }

    public static Recording usual() {
        return new Recording(0.08, 40, 0.004, 0.002);
    }

    /** Everything recorded promptly, once and right: for tests that want no noise. */
    public static Recording clean() {
        return new Recording(0, 2, 0, 0);
    }
}
