package org.caseclock.engine.topology;

import org.caseclock.events.out.IndicatorValue;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.rules.Bucket;
import org.caseclock.engine.store.Contribution;
import org.caseclock.engine.store.CounterState;
import org.caseclock.engine.store.CounterState.MonthTotals;
import org.caseclock.engine.store.ProgressStore;
import org.caseclock.events.out.Progress;
import org.caseclock.engine.topology.EngineTopics.Stores;

/**
 * Sums contributions into counters per {@code code|scope} and month, and publishes each month's
 * value with its first-reported value (a closed month) or its projection to month end (the
 * running month). Contributions arrive keyed by code, so one task owns every
 * scope of a code and a subject's changes reach the team, service and LA counters in one record.
 * When the month turns, a snapshot counter carries its totals into the new month; this happens per
 * counter (a few thousand), never per subject.
 */
final class CounterProcessor implements Processor<String, Contribution, String, Object> {

    static final String VALUES = "values";
    static final String PROGRESS = "counter-progress";

    private final EngineSettings settings;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, MonthTotals> totals;
    private KeyValueStore<String, CounterState> heads;
    private KeyValueStore<String, String> unpublished;
    private KeyValueStore<String, Progress> progress;
    private Progress lastPublished;
    /**
     * Months marked unpublished since the last punctuation (mirrors what this instance has put in
     * the store since), so a month touched a thousand times is written there once.
     */
    private final Set<String> markedUnpublished = new HashSet<>();
    /**
     * The latest totals and heads this instance has read or written, as objects: the stores hold
     * JSON, and reading it back for every change is most of a back-fill's counting time. Only
     * this processor writes these stores, so what it holds is what they hold.
     */
    private final Map<String, MonthTotals> totalsRead = lru(100_000);
    private final Map<String, CounterState> headsRead = lru(20_000);
    /**
     * Month totals changed by the record (or punctuation) in hand, not yet written: one record
     * changes the same LA and service months many times over (every team's change lands in them),
     * and each store write serialises the totals, so each month is written once, at the end.
     */
    private final Map<String, MonthTotals> unwritten = new LinkedHashMap<>();
    private YearMonth rolledTo;

    CounterProcessor(EngineSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.totals = context.getStateStore(Stores.COUNTERS);
        this.heads = context.getStateStore(Stores.COUNTER_HEADS);
        this.unpublished = context.getStateStore(Stores.COUNTERS_UNPUBLISHED);
        markedUnpublished.clear();
        unwritten.clear();
        totalsRead.clear();
        headsRead.clear();
        this.progress = context.getStateStore(Stores.COUNTER_PROGRESS);
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, Contribution> record) {
        Contribution c = record.value();
        YearMonth now = London.month(now());
        Map<String, CounterState> touchedHeads = new LinkedHashMap<>();
        Map<String, TreeSet<YearMonth>> touchedMonths = new HashMap<>();
        for (Contribution.Change change : c.changes()) {
            for (String scope : settings.organisation().scopesOf(change.team())) {
                String key = c.code() + "|" + scope;
                TreeSet<YearMonth> touched = touchedMonths.computeIfAbsent(key, k -> new TreeSet<>());
                CounterState head = touchedHeads.get(key);
                if (head == null) {
                    head = head(key);
                }
                if (head == null) {
                    head = new CounterState(c.code(), scope, change.month());
                    putHead(key, head);
                }
                head = roll(key, head, change.month().isAfter(now) ? change.month() : now, touched);
                touchedHeads.put(key, head);
                apply(key, head, change, touched);
            }
        }
        writeTotals();
        if (c.backfill()) {
            // A back-fill touches the same LA and service months thousands of times a second:
            // they are published at the next punctuation, once each.
            touchedMonths.forEach((key, months) -> months.forEach(m -> {
                if (markedUnpublished.add(monthKey(key, m))) {
                    unpublished.put(monthKey(key, m), key);
                }
            }));
        } else {
            touchedHeads.forEach((key, head) -> publish(head, touchedMonths.get(key)));
        }
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        ProgressStore.count(progress, Progress.countersKeyOf(context.taskId().partition()), p -> p.withCounted(offset));
    }

    private void apply(String key, CounterState head, Contribution.Change change, TreeSet<YearMonth> touched) {
        List<YearMonth> months = new ArrayList<>(List.of(change.month()));
        if (change.carry()) {
            for (YearMonth m = change.month().plusMonths(1); !m.isAfter(head.month()); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        for (YearMonth m : months) {
            MonthTotals t = get(key, m);
            t = switch (change.part()) {
                case VALUE -> t.addValue(change.numerator(), change.denominator(), change.distinct());
                case REVISION -> t.addRevision(change.numerator(), change.denominator(), change.distinct());
                case PROJECTED -> t.addProjected(change.numerator(), change.denominator(), change.distinct());
            };
            putTotals(monthKey(key, m), t);
            touched.add(m);
        }
    }

    /** Carry a snapshot counter's totals month by month up to {@code target}, dropping the oldest. */
    private CounterState roll(String key, CounterState head, YearMonth target, TreeSet<YearMonth> touched) {
        YearMonth m = head.month();
        if (!target.isAfter(m)) {
            return head;
        }
        boolean snapshot = settings.isSnapshot(head.code());
        while (m.isBefore(target)) {
            YearMonth next = m.plusMonths(1);
            if (snapshot) {
                putTotals(monthKey(key, next), get(key, next).plusValue(get(key, m).carried()));
            }
            String dropped = monthKey(key, next.minusMonths(settings.retainedMonths()));
            totals.delete(dropped);
            totalsRead.remove(dropped);
            unwritten.remove(dropped);
            touched.add(next);
            touched.add(m); // the month just closed now has a first-reported value
            m = next;
        }
        CounterState rolled = new CounterState(head.code(), head.scope(), target);
        putHead(key, rolled);
        return rolled;
    }

    private void punctuate(long wallClockMs) {
        YearMonth now = London.month(Instant.ofEpochMilli(wallClockMs));
        if (!now.equals(rolledTo)) {
            List<KeyValue<String, CounterState>> all = new ArrayList<>();
            try (KeyValueIterator<String, CounterState> it = heads.all()) {
                while (it.hasNext()) {
                    all.add(it.next());
                }
            }
            for (KeyValue<String, CounterState> kv : all) {
                TreeSet<YearMonth> touched = new TreeSet<>();
                publish(roll(kv.key, kv.value, now, touched), touched);
            }
            writeTotals();
            rolledTo = now;
        }
        long stopAt = System.nanoTime() + settings.load().punctuationBudget().toNanos();
        boolean allPublished = publishUnpublished(stopAt);
        String key = Progress.countersKeyOf(context.taskId().partition());
        Progress current = progress.get(key);
        // Progress says what is counted is readable: not while month values wait to be published.
        if (allPublished && current != null && !current.equals(lastPublished)) {
            context.forward(new Record<>(key, current, wallClockMs), PROGRESS);
            lastPublished = current;
        }
    }

    /** Publishes the months a back-fill changed, within the budget; whether none is left waiting. */
    private boolean publishUnpublished(long stopAt) {
        List<KeyValue<String, String>> pending = new ArrayList<>();
        try (KeyValueIterator<String, String> it = unpublished.all()) {
            while (it.hasNext()) {
                pending.add(it.next());
            }
        }
        markedUnpublished.clear();
        for (int i = 0; i < pending.size(); i++) {
            KeyValue<String, String> kv = pending.get(i);
            if (i > 0 && System.nanoTime() > stopAt) {
                // The rest wait for the next punctuation, still marked, so new changes need not mark them again.
                pending.subList(i, pending.size()).forEach(left -> markedUnpublished.add(left.key));
                return false;
            }
            unpublished.delete(kv.key);
            CounterState head = head(kv.value);
            YearMonth m = YearMonth.parse(kv.key.substring(kv.value.length() + 1));
            publish(head, new TreeSet<>(List.of(m)));
        }
        return true;
    }

    private void publish(CounterState head, TreeSet<YearMonth> touched) {
        String key = head.code() + "|" + head.scope();
        YearMonth oldest = head.month().minusMonths(settings.retainedMonths() - 1L);
        YearMonth current = London.month(now());
        for (YearMonth m : touched) {
            if (m.isBefore(oldest)) {
                continue;
            }
            context.forward(new Record<>(key + "|" + m, valueOf(head, m, get(key, m), m.isBefore(current)),
                    context.currentSystemTimeMs()), VALUES);
        }
    }

    private MonthTotals get(String key, YearMonth m) {
        String monthKey = monthKey(key, m);
        MonthTotals t = unwritten.get(monthKey);
        if (t != null) {
            return t;
        }
        t = totalsRead.get(monthKey);
        if (t == null) {
            t = totals.get(monthKey);
            if (t == null) {
                return MonthTotals.ZERO;
            }
            totalsRead.put(monthKey, t);
        }
        return t;
    }

    private void putTotals(String monthKey, MonthTotals t) {
        unwritten.put(monthKey, t);
    }

    /** Writes every month changed since the last call, once each. */
    private void writeTotals() {
        unwritten.forEach((monthKey, t) -> {
            totals.put(monthKey, t);
            totalsRead.put(monthKey, t);
        });
        unwritten.clear();
    }

    private CounterState head(String key) {
        CounterState head = headsRead.get(key);
        if (head == null) {
            head = heads.get(key);
            if (head != null) {
                headsRead.put(key, head);
            }
        }
        return head;
    }

    private void putHead(String key, CounterState head) {
        heads.put(key, head);
        headsRead.put(key, head);
    }

    /** A map that forgets its least recently used entries past {@code max}. */
    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    private static String monthKey(String key, YearMonth m) {
        return key + "|" + m;
    }

    /**
     * A month's value; a closed month with its first-reported value, the running month with its
     * projection to its last instant (v1.1; null for a closed month, which has its value instead).
     */
    private IndicatorValue valueOf(CounterState head, YearMonth m, MonthTotals t, boolean closed) {
        boolean distinct = settings.countsDistinctWorkers(head.code());
        long den = distinct ? t.distinctWorkers() : t.denominator();
        Long projectedDen = closed ? null : distinct ? t.projectedDistinctWorkers() : t.projectedDenominator();
        if (settings.isMaximum(head.code())) {
            return new IndicatorValue(head.code(), head.scope(), m.toString(), t.mostPerWorker(), den,
                    closed ? t.mostPerWorkerFirstReported() : null, closed ? t.distinctWorkersFirstReported() : null,
                    closed ? null : t.projectedMostPerWorker(), projectedDen, now());
        }
        Long firstNum = closed ? t.numerator() - t.revisedNumerator() : null;
        Long firstDen = closed ? (distinct ? t.distinctWorkersFirstReported() : t.denominator() - t.revisedDenominator()) : null;
        return new IndicatorValue(head.code(), head.scope(), m.toString(), t.numerator(), den, firstNum, firstDen,
                closed ? null : t.projectedNumerator(), projectedDen, now());
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
