package org.caseclock.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a benchmark puts its figures: lines {@code metric,value,unit} appended to the file named
 * by {@code -Dbench.out} (the top-level {@code bench} script turns them into rows of
 * docs/benchmarks.csv), and to standard output as {@code BENCH metric=value unit}.
 */
final class BenchOut {

    private BenchOut() {}

    static void figure(String metric, double value, String unit) throws IOException {
        String text = value == Math.rint(value) || Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        System.out.printf("BENCH %s=%s %s%n", metric, text, unit);
        String out = System.getProperty("bench.out");
        if (out != null && !out.isBlank()) {
            Files.writeString(Path.of(out), metric + "," + text + "," + unit + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The nearest-rank 99th percentile of {@code nanos}, in milliseconds. */
    static double p99Millis(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.99 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
