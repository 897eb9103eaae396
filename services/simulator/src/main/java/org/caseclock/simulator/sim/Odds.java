package org.caseclock.simulator.sim;

import java.util.ArrayList;
import java.util.List;

/** A weighted choice, built as {@code Odds.of(a, 3).or(b, 1)}; weights need not sum to 1. */
public record Odds<T>(List<T> values, List<Double> weights) {

    public Odds {
        values = List.copyOf(values);
        weights = List.copyOf(weights);
    }

    public static <T> Odds<T> of(T value, double weight) {
        return new Odds<>(List.of(value), List.of(weight));
    }

    public Odds<T> or(T value, double weight) {
        List<T> moreValues = new ArrayList<>(values);
        List<Double> moreWeights = new ArrayList<>(weights);
        moreValues.add(value);
        moreWeights.add(weight);
        return new Odds<>(moreValues, moreWeights);
    }

    public T roll(Dice dice) {
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double point = dice.uniform(0, total);
        for (int i = 0; i < values.size() - 1; i++) {
            point -= weights.get(i);
            if (point < 0) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
