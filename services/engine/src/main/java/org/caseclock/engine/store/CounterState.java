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

    /**
     * Value, revision and (v1.1) projected parts; W1 and W3 keep counts per worker, since W1's
     * denominator is distinct workers and W3's value the most one worker holds. Totals stored
     * before projections existed read with a projection of zero.
     */
    public record MonthTotals(long numerator, long denominator, long revisedNumerator, long revisedDenominator,
                              Map<String, Long> workers, Map<String, Long> revisedWorkers,
                              long projectedNumerator, long projectedDenominator, Map<String, Long> projectedWorkers) {

        public static final MonthTotals ZERO = new MonthTotals(0, 0, 0, 0, Map.of(), Map.of(), 0, 0, Map.of());

        public MonthTotals {
            workers = workers == null ? Map.of() : workers;
            revisedWorkers = revisedWorkers == null ? Map.of() : revisedWorkers;
            projectedWorkers = projectedWorkers == null ? Map.of() : projectedWorkers;
        }

        public MonthTotals addValue(long n, long d, String distinct) {
            return new MonthTotals(numerator + n, denominator + d, revisedNumerator, revisedDenominator,
                    addTo(workers, distinct, n), revisedWorkers, projectedNumerator, projectedDenominator, projectedWorkers);
        }

        public MonthTotals addRevision(long n, long d, String distinct) {
            return new MonthTotals(numerator, denominator, revisedNumerator + n, revisedDenominator + d,
                    workers, addTo(revisedWorkers, distinct, n), projectedNumerator, projectedDenominator, projectedWorkers);
        }

        public MonthTotals addProjected(long n, long d, String distinct) {
            return new MonthTotals(numerator, denominator, revisedNumerator, revisedDenominator, workers, revisedWorkers,
                    projectedNumerator + n, projectedDenominator + d, addTo(projectedWorkers, distinct, n));
        }

        /**
         * The value part carried into the next month; revisions belong to their own month, and so
         * does a projection (to that month's end): the subjects build the new month's as it turns.
         */
        public MonthTotals carried() {
            return new MonthTotals(numerator, denominator, 0, 0, workers, Map.of(), 0, 0, Map.of());
        }

        public MonthTotals plusValue(MonthTotals o) {
            Map<String, Long> sumWorkers = workers;
            for (Map.Entry<String, Long> w : o.workers.entrySet()) {
                sumWorkers = addTo(sumWorkers, w.getKey(), w.getValue());
            }
            return new MonthTotals(numerator + o.numerator, denominator + o.denominator, revisedNumerator,
                    revisedDenominator, sumWorkers, revisedWorkers, projectedNumerator, projectedDenominator, projectedWorkers);
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
            return mostOf(workers);
        }

        /** W1's projected denominator: the workers who would hold a case at month end. */
        public long projectedDistinctWorkers() {
            return projectedWorkers.size();
        }

        /** W3 projected: the most cases one worker would hold at month end (0 with no worker). */
        public long projectedMostPerWorker() {
            return mostOf(projectedWorkers);
        }

        public long mostPerWorkerFirstReported() {
            return mostOf(workersFirstReported());
        }

        private static long mostOf(Map<String, Long> perWorker) {
            return perWorker.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        private Map<String, Long> workersFirstReported() {
            Map<String, Long> first = new HashMap<>(workers);
            revisedWorkers.forEach((w, n) -> first.merge(w, -n, Long::sum));
            return first;
        }
    }
}
