package org.caseclock.query.api;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.Organisation;
import org.caseclock.catalogue.time.London;
import org.caseclock.query.api.IndicatorView.ProjectedMonthEnd;
import org.caseclock.query.api.IndicatorView.TrendPoint;
import org.caseclock.query.config.QueryProperties;
import org.caseclock.query.store.ItemStore;
import org.caseclock.events.out.Scope;
import org.caseclock.events.out.IndicatorValue;
import org.caseclock.query.store.ValueStore;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's month values into what a scorecard shows: value, RAG, previous month,
 * change, first-reported value and trend. The engine's record for the current month is "now":
 * as at now for snapshot indicators, month to date for period ones; beside it, without a period,
 * the engine's projection of it to month end and the number of items at risk.
 */
@Component
public class Scorecard {

    private final Catalogue catalogue;
    private final ValueStore values;
    private final Clock clock;
    private final QueryProperties properties;
    private final Organisation organisation;
    private final ItemStore items;

    Scorecard(Catalogue catalogue, ValueStore values, Clock clock, QueryProperties properties,
              Organisation organisation, ItemStore items) {
        this.items = items;
        this.catalogue = catalogue;
        this.values = values;
        this.clock = clock;
        this.properties = properties;
        this.organisation = organisation;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public YearMonth currentMonth() {
        return London.month(clock.instant());
    }

    /**
     * The indicators in {@code codes} (in that order) for {@code period}, or for now when it is
     * null; with the last {@code trendMonths} months ending there when that is above 0.
     */
    public List<IndicatorView> views(List<String> codes, Scope scope, YearMonth period, int trendMonths) {
        YearMonth month = period == null ? currentMonth() : period;
        YearMonth first = month.minusMonths(Math.max(1, trendMonths - 1L));
        Map<String, Map<YearMonth, IndicatorValue>> byCode = new HashMap<>();
        for (IndicatorValue v : values.months(codes, scope, first, month)) {
            byCode.computeIfAbsent(v.code(), c -> new HashMap<>()).put(YearMonth.parse(v.period()), v);
        }
        // Beside the current values, the items at risk of every code, in one read of the lists.
        Map<String, Long> atRisk = period != null ? Map.of()
                : items.countsAtRisk(codes.stream().map(catalogue::get).toList(), scope, London.date(clock.instant()));
        List<IndicatorView> views = new ArrayList<>();
        for (String code : codes) {
            Indicator indicator = catalogue.get(code);
            Map<YearMonth, IndicatorValue> months = byCode.getOrDefault(code, Map.of());
            if (indicator.isPlainCount() || indicator.kind() == Indicator.Kind.RATE) {
                months = withZeroWhereNothingCounted(code, scope, months, first, month);
            }
            if (indicator.kind() == Indicator.Kind.RATE) {
                months = overPopulation(months, organisation.childPopulation(scope.toString()));
            }
            views.add(view(indicator, months, month, period != null, trendMonths, atRisk.get(code)));
        }
        return views;
    }

    public List<IndicatorView> all(Scope scope, YearMonth period) {
        return views(catalogue.all().stream().map(Indicator::code).toList(), scope, period, 0);
    }

    private IndicatorView view(Indicator indicator, Map<YearMonth, IndicatorValue> months, YearMonth month,
                               boolean asked, int trendMonths, Long atRisk) {
        IndicatorValue current = months.get(month);
        Double value = valueOf(indicator, current);
        Double previous = valueOf(indicator, months.get(month.minusMonths(1)));
        Double change = value == null || previous == null ? null : value - previous;
        Optional<Double> asFirstReported = null;
        if (asked && current != null && current.firstReportedNumerator() != null) {
            Double first = valueOf(indicator, current.firstReportedNumerator(), current.firstReportedDenominator());
            if (!Objects.equals(first, value)) {
                asFirstReported = Optional.ofNullable(first);
            }
        }
        List<TrendPoint> trend = null;
        if (trendMonths > 0) {
            trend = new ArrayList<>();
            for (YearMonth m = month.minusMonths(trendMonths - 1L); !m.isAfter(month); m = m.plusMonths(1)) {
                IndicatorValue v = months.get(m);
                trend.add(new TrendPoint(m.toString(), valueOf(indicator, v),
                        v == null ? null : v.numerator(), v == null ? null : v.denominator()));
            }
        }
        Long denominator = shownDenominator(indicator, current == null ? null : current.denominator());
        boolean tooFew = Rag.tooFew(indicator, denominator, properties.ragMinDenominator());
        boolean soFar = !indicator.isSnapshot() && month.equals(currentMonth());
        String notAvailable = properties.notAvailable().covers(indicator.code()) ? properties.notAvailable().reason() : null;
        Rag rag = notAvailable != null ? Rag.GREY : Rag.of(indicator, value, denominator, properties.ragMinDenominator());
        return new IndicatorView(indicator.code(), indicator.name(), indicator.group(), indicator.kind(), value,
                current == null ? null : current.numerator(), denominator,
                indicator.target(), indicator.better(), rag, previous, change, asFirstReported, trend,
                tooFew ? Boolean.TRUE : null, soFar ? Boolean.TRUE : null, notAvailable, indicator.comparators(),
                asked ? null : projection(indicator, current, notAvailable != null, atRisk), indicator.units());
    }

    /** RATE with no configured population: the numerator alone is given. */
    private static Long shownDenominator(Indicator indicator, Long denominator) {
        return indicator.kind() == Indicator.Kind.RATE && denominator != null && denominator == 0 ? null : denominator;
    }

    /**
     * The running month at its last instant if nothing else is done, as the engine projected it,
     * worked out and RAG-rated as the value is; with the number of items at risk of being overdue
     * by then (null for the kinds that have none).
     */
    private ProjectedMonthEnd projection(Indicator indicator, IndicatorValue current, boolean notAvailable, Long atRisk) {
        Long numerator = current == null ? null : current.projectedNumerator();
        Long denominator = numerator == null ? null : shownDenominator(indicator, current.projectedDenominator());
        Double value = valueOf(indicator, numerator, denominator);
        Rag rag = notAvailable ? Rag.GREY : Rag.of(indicator, value, denominator, properties.ragMinDenominator());
        return new ProjectedMonthEnd(value, numerator, denominator, rag, atRisk);
    }

    /**
     * API.md: a COUNT of nothing is 0, never null. The engine publishes a month only once something
     * has counted in it (and which empty months it publishes depends on its processing history), so
     * a month with no record counted nothing.
     */
    private static Map<YearMonth, IndicatorValue> withZeroWhereNothingCounted(
            String code, Scope scope, Map<YearMonth, IndicatorValue> months, YearMonth first, YearMonth last) {
        Map<YearMonth, IndicatorValue> complete = new HashMap<>(months);
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            complete.putIfAbsent(m, new IndicatorValue(code, scope.toString(), m.toString(), 0, 0, null, null, 0L, 0L, null));
        }
        return complete;
    }

    /**
     * RATE: the engine counts the numerator; the denominator is the scope's configured child
     * population, the same for every month, or none (then null, and so is the value).
     */
    private static Map<YearMonth, IndicatorValue> overPopulation(Map<YearMonth, IndicatorValue> months, Long population) {
        Map<YearMonth, IndicatorValue> rated = new HashMap<>();
        months.forEach((m, v) -> rated.put(m, new IndicatorValue(v.code(), v.scope(), v.period(), v.numerator(),
                population == null ? 0 : population, v.firstReportedNumerator(),
                v.firstReportedNumerator() == null || population == null ? null : population,
                v.projectedNumerator(), v.projectedNumerator() == null || population == null ? null : population,
                v.updatedAt())));
        return rated;
    }

    static Double valueOf(Indicator indicator, IndicatorValue v) {
        return v == null ? null : valueOf(indicator, v.numerator(), v.denominator());
    }

    /**
     * A share for percentages, W1 (cases per worker) and AVERAGE (days per item); per 10,000
     * children for RATE; W3's maximum while any worker holds a case; the count itself for other counts.
     */
    static Double valueOf(Indicator indicator, Long numerator, Long denominator) {
        if (numerator == null) {
            return null;
        }
        if (indicator.kind() == Indicator.Kind.RATE) {
            return denominator == null || denominator == 0 ? null : numerator * 10_000.0 / denominator;
        }
        if (indicator.isMaximum()) {
            return denominator == null || denominator == 0 ? null : (double) numerator;
        }
        if (indicator.isPercentage() || indicator.countsDistinctWorkers() || indicator.kind() == Indicator.Kind.AVERAGE) {
            return denominator == null || denominator == 0 ? null : (double) numerator / denominator;
        }
        return (double) numerator;
    }
}
