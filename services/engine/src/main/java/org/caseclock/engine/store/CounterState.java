package org.caseclock.engine.store;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one counter ({@code code} in {@code scope}) has got to: the latest month it has rolled
 * into. A snapshot counter starts each month from the previous month's totals, because a subject
 * not evaluated since still stands as it did. The totals themselves are stored one month a key.
 */
public record CounterState(String code, String scope, YearMonth month) {

    /** Value and revision parts; W1 keeps counts per worker since its denominator is distinct workers. */
    public record MonthTotals(long numerator, long denominator, long revisedNumerator, long revisedDenominator,
                              Map<String, Long> workers, Map<String, Long> revisedWorkers) {

        public static final MonthTotals ZERO = new MonthTotals(0, 0, 0, 0, Map.of(), Map.of());

        public MonthTotals addValue(long n, long d, String distinct) {
            return new MonthTotals(numerator + n, denominator + d, revisedNumerator, revisedDenominator,
                    addTo(workers, distinct, n), revisedWorkers);
        }

        public MonthTotals addRevision(long n, long d, String distinct) {
            return new MonthTotals(numerator, denominator, revisedNumerator + n, revisedDenominator + d,
                    workers, addTo(revisedWorkers, distinct, n));
        }

        /** The value part carried into the next month; revisions belong to their own month. */
        public MonthTotals carried() {
            return new MonthTotals(numerator, denominator, 0, 0, workers, Map.of());
        }

        public MonthTotals plusValue(MonthTotals o) {
            MonthTotals sum = new MonthTotals(numerator + o.numerator, denominator + o.denominator,
                    revisedNumerator, revisedDenominator, workers, revisedWorkers);
            for (Map.Entry<String, Long> w : o.workers.entrySet()) {
                sum = new MonthTotals(sum.numerator, sum.denominator, sum.revisedNumerator, sum.revisedDenominator,
                        addTo(sum.workers, w.getKey(), w.getValue()), sum.revisedWorkers);
            }
            return sum;
        }

        private static Map<String, Long> addTo(Map<String, Long> map, String key, long n) {
            if (key == null || key.isEmpty() || n == 0) {
                return map;
            }
            Map<String, Long> next = new HashMap<>(map);
            next.merge(key, n, Long::sum);
            next.values().removeIf(v -> v == 0);
            return next;
        }

        public long distinctWorkers() {
            return workers.size();
        }

        /** Workers holding a case as first reported: the counts less what late events revised. */
        public long distinctWorkersFirstReported() {
            return workersFirstReported().values().stream().filter(v -> v > 0).count();
        }

        /** W3: the most cases one worker holds (0 with no worker). */
        public long mostPerWorker() {
            return workers.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        public long mostPerWorkerFirstReported() {
            return workersFirstReported().values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        private Map<String, Long> workersFirstReported() {
            Map<String, Long> first = new HashMap<>(workers);
            revisedWorkers.forEach((w, n) -> first.merge(w, -n, Long::sum));
            return first;
        }
    }
}
