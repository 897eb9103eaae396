package org.caseclock.engine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Where a benchmark leaves its figures for the {@code bench} script: with {@code -Dbench.out=file},
 * lines {@code metric,value,unit} appended to that file; without it, nothing is written.
 */
final class BenchOut {

    private BenchOut() {}

    static String line(String metric, double value, String unit) {
        return String.format(Locale.ROOT, "%s,%.1f,%s", metric, value, unit);
    }

    static void append(String... lines) throws IOException {
        String out = System.getProperty("bench.out");
        if (out == null || out.isBlank()) {
            return;
        }
        Files.write(Path.of(out), List.of(lines), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
