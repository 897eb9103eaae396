package org.caseclock.simulator.sim;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulation's only source of chance. One generator, consumed in the agenda's fixed order,
 * is what makes a seed reproduce the same events however the caller slices time.
 */
public final class Dice {

    private final SplittableRandom random;

    public Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform in {@code [from, to]}, both inclusive. */
    public int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    public double uniform(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    public double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    public Duration minutes(int from, int to) {
        return Duration.ofMinutes(between(from, to));
    }

    public Duration hours(double from, double to) {
        return Duration.ofSeconds(Math.round(uniform(from, to) * 3600));
    }

    public LocalDate dateBetween(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A Poisson count: Knuth's method for small means, a rounded normal beyond. */
    public int poisson(double mean) {
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        int count = 0;
        for (double product = random.nextDouble(); product > limit; product *= random.nextDouble()) {
            count++;
        }
        return count;
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
