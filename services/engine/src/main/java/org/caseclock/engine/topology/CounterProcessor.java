package org.caseclock.engine.topology;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.rules.Bucket;
import org.caseclock.engine.store.Contribution;
import org.caseclock.engine.store.CounterState;
import org.caseclock.engine.store.CounterState.MonthTotals;
import org.caseclock.engine.store.Progress;
import org.caseclock.engine.topology.EngineTopics.Stores;

/**
 * Sums contributions into counters per {@code code|scope} and month, and publishes each month's
 * value with its first-reported value. When the month turns, a snapshot counter carries its
 * totals into the new month; this happens per counter (a few thousand), never per subject.
 */
final class CounterProcessor implements Processor<String, Contribution, String, Object> {

    static final String VALUES = "values";
    static final String PROGRESS = "counter-progress";

    private final EngineSettings settings;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CounterState> counters;
    private KeyValueStore<String, Progress> progress;
    private Progress lastPublished;
    private YearMonth rolledTo;

    CounterProcessor(EngineSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.counters = context.getStateStore(Stores.COUNTERS);
        this.progress = context.getStateStore(Stores.COUNTER_PROGRESS);
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, Contribution> record) {
        Contribution c = record.value();
        CounterState state = counters.get(record.key());
        if (state == null) {
            state = new CounterState(c.code(), c.scope(), c.month(), new TreeMap<>());
        }
        TreeSet<YearMonth> touched = new TreeSet<>();
        YearMonth now = London.month(now());
        state = roll(state, c.month().isAfter(now) ? c.month() : now, touched);

        List<YearMonth> months = new ArrayList<>(List.of(c.month()));
        if (c.carry()) {
            for (YearMonth m = c.month().plusMonths(1); !m.isAfter(state.month()); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        for (YearMonth m : months) {
            MonthTotals t = state.months().getOrDefault(m, MonthTotals.ZERO);
            t = c.part() == Bucket.Part.VALUE
                    ? t.addValue(c.numerator(), c.denominator(), c.distinct())
                    : t.addRevision(c.numerator(), c.denominator(), c.distinct());
            state.months().put(m, t);
            touched.add(m);
        }
        save(record.key(), state, touched);
        Progress.count(progress, Progress.countersKeyOf(context.taskId().partition()), Progress::withCounted);
    }

    private void punctuate(long wallClockMs) {
        rollAll(wallClockMs);
        String key = Progress.countersKeyOf(context.taskId().partition());
        Progress current = progress.get(key);
        if (current != null && !current.equals(lastPublished)) {
            context.forward(new Record<>(key, current, wallClockMs), PROGRESS);
            lastPublished = current;
        }
    }

    /** Carry a snapshot counter's totals month by month up to {@code target}. */
    private CounterState roll(CounterState state, YearMonth target, TreeSet<YearMonth> touched) {
        YearMonth m = state.month();
        if (!target.isAfter(m)) {
            return state;
        }
        boolean snapshot = settings.isSnapshot(state.code());
        while (m.isBefore(target)) {
            YearMonth next = m.plusMonths(1);
            if (snapshot) {
                MonthTotals carried = state.months().getOrDefault(m, MonthTotals.ZERO).carried();
                state.months().put(next, state.months().getOrDefault(next, MonthTotals.ZERO).plusValue(carried));
            }
            touched.add(next);
            touched.add(m); // the month just closed now has a first-reported value
            m = next;
        }
        return new CounterState(state.code(), state.scope(), target, state.months());
    }

    private void rollAll(long wallClockMs) {
        YearMonth now = London.month(Instant.ofEpochMilli(wallClockMs));
        if (now.equals(rolledTo)) {
            return;
        }
        List<KeyValue<String, CounterState>> all = new ArrayList<>();
        try (KeyValueIterator<String, CounterState> it = counters.all()) {
            while (it.hasNext()) {
                all.add(it.next());
            }
        }
        for (KeyValue<String, CounterState> kv : all) {
            TreeSet<YearMonth> touched = new TreeSet<>();
            CounterState rolled = roll(kv.value, now, touched);
            if (!touched.isEmpty()) {
                save(kv.key, rolled, touched);
            }
        }
        rolledTo = now;
    }

    private void save(String key, CounterState state, TreeSet<YearMonth> touched) {
        YearMonth oldest = state.month().minusMonths(settings.retainedMonths() - 1L);
        state.months().headMap(oldest).clear();
        counters.put(key, state);
        YearMonth current = London.month(now());
        for (YearMonth m : touched) {
            MonthTotals t = state.months().get(m);
            if (t == null || m.isBefore(oldest)) {
                continue;
            }
            context.forward(new Record<>(state.code() + "|" + state.scope() + "|" + m,
                    valueOf(state, m, t, m.isBefore(current)), context.currentSystemTimeMs()), VALUES);
        }
    }

    private IndicatorValue valueOf(CounterState state, YearMonth m, MonthTotals t, boolean closed) {
        boolean distinct = settings.countsDistinctWorkers(state.code());
        long den = distinct ? t.distinctWorkers() : t.denominator();
        Long firstNum = closed ? t.numerator() - t.revisedNumerator() : null;
        Long firstDen = closed ? (distinct ? t.distinctWorkersFirstReported() : t.denominator() - t.revisedDenominator()) : null;
        return new IndicatorValue(state.code(), state.scope(), m.toString(), t.numerator(), den, firstNum, firstDen, now());
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
