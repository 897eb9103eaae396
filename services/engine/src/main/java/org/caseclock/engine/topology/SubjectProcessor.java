package org.caseclock.engine.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseclock.catalogue.time.London;
import org.caseclock.engine.config.EngineMetrics;
import org.caseclock.engine.rules.Bucket;
import org.caseclock.engine.rules.Flip;
import org.caseclock.engine.rules.Item;
import org.caseclock.events.out.Status;
import org.caseclock.engine.rules.SubjectEvaluator;
import org.caseclock.engine.rules.SubjectEvaluator.Evaluation;
import org.caseclock.engine.rules.SubjectEvaluator.MonthEnd;
import org.caseclock.engine.rules.Tally;
import org.caseclock.events.out.Alert;
import org.caseclock.engine.store.Contribution;
import org.caseclock.engine.store.ProgressStore;
import org.caseclock.events.out.Progress;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.engine.store.Deferral;
import org.caseclock.engine.store.SubjectState;
import org.caseclock.engine.store.SubjectState.Contributed;
import org.caseclock.engine.store.SubjectState.StoredMonthEnd;
import org.caseclock.engine.topology.EngineTopics.Stores;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.Subject;

/**
 * Owns each subject: appends its events (once per id), re-evaluates it, and publishes only what
 * changed: items, alerts and counter contributions. A wall-clock punctuator reads the due index
 * from its start up to now, so only subjects whose next change has arrived are looked at. While
 * working through a backlog (a back-fill) evaluation is put off through the same index until the
 * subject's events stop coming, so a subject with a hundred events is evaluated once, not a
 * hundred times.
 */
final class SubjectProcessor implements Processor<String, CaseEvent, Object, Object> {

    static final String ITEMS = "items";
    static final String ALERTS = "alerts";
    static final String CONTRIBUTIONS = "contributions";
    static final String PROGRESS = "progress";
    /**
     * Due subjects are read this many at a time: after a long stop or in a large back-fill there
     * can be hundreds of thousands, and a punctuation only gets through what its budget allows.
     */
    private static final int BATCH = 500;

    private final EngineSettings settings;
    private final EngineMetrics metrics;
    private final SubjectEvaluator evaluator;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, CaseEvent> histories;
    private KeyValueStore<String, SubjectState> states;
    private KeyValueStore<String, String> dueIndex;
    private KeyValueStore<String, String> flipIndex;
    private KeyValueStore<String, Deferral> deferred;
    private KeyValueStore<String, Progress> progress;
    private Progress lastPublished;
    /** Wall-clock time of the latest record: none for a while means the backlog is worked through. */
    private long lastRecordMs;
    /**
     * The subjects this instance has put off (mirrors the deferred store, which only it writes),
     * so an event for a subject already put off needs no store read.
     */
    private final Set<String> putOff = new HashSet<>();
    /**
     * Per subject, the events accepted since its last evaluation: how many, and the earliest
     * month they bear on. Held in memory only (after a restart it is simply missing, and the
     * subject's next evaluation works out every month end afresh).
     */
    private final Map<String, Unseen> unseen = new HashMap<>();

    SubjectProcessor(EngineSettings settings, EngineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.evaluator = new SubjectEvaluator(settings.catalogue(), settings.calendar(), settings.retainedMonths());
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.histories = context.getStateStore(Stores.HISTORY);
        this.states = context.getStateStore(Stores.SUBJECT_STATE);
        this.dueIndex = context.getStateStore(Stores.DUE_INDEX);
        this.flipIndex = context.getStateStore(Stores.FLIP_INDEX);
        this.deferred = context.getStateStore(Stores.DEFERRED);
        this.progress = context.getStateStore(Stores.PROGRESS);
        this.lastRecordMs = context.currentSystemTimeMs();
        this.putOff.clear();
        this.unseen.clear();
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, CaseEvent> record) {
        String key = record.key();
        CaseEvent event = record.value();
        String eventKey = key + "|" + event.id();
        String partition = Progress.keyOf(context.taskId().partition());
        lastRecordMs = context.currentSystemTimeMs();
        if (histories.get(eventKey) != null) {
            ProgressStore.count(progress, partition, Progress::withDuplicate);
            return;
        }
        histories.put(eventKey, event);
        unseen.merge(key, Unseen.of(event), Unseen::plus);
        ProgressStore.count(progress, partition, Progress::withAccepted);
        Instant now = now();
        if (behind(record, now)) {
            defer(key, now);
        } else {
            reevaluate(key, now);
        }
    }

    /** Whether the engine is working through a backlog: the record reached the topic a while ago. */
    private boolean behind(Record<String, CaseEvent> record, Instant now) {
        return now.toEpochMilli() - record.timestamp() > settings.load().behind().toMillis();
    }

    /** Puts the subject's evaluation off, unless it already is: then the event costs nothing more. */
    private void defer(String key, Instant now) {
        if (!putOff.add(key) || deferred.get(key) != null) {
            return;
        }
        Deferral deferral = new Deferral(now.plus(settings.load().delay()));
        dueIndex.put(DueKey.of(deferral.due(), key), key);
        deferred.put(key, deferral);
    }

    /**
     * Subjects whose next change or put-off evaluation has come, earliest first, within the
     * budget. When no record has arrived for as long as "behind" means (5 s by default) the
     * input is worked through, so every put-off evaluation is done then rather than when its
     * delay ends: the end of a back-fill shows seconds after its last event, not half a minute.
     * (A single quiet punctuation is no sign: one partition's fetch can come back empty while
     * another's is being worked through.)
     */
    private void punctuate(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        long started = System.nanoTime();
        long stopAt = started + settings.load().punctuationBudget().toNanos();
        boolean idle = wallClockMs - lastRecordMs >= settings.load().behind().toMillis();
        int evaluated = evaluateInBatches(() -> dueBatch(now), now, stopAt);
        // Flips once every due evaluation is done: one that was due as well (a month turning, a new
        // event's time coming) has replaced the subject's flips already.
        if (System.nanoTime() < stopAt && dueBatch(now).isEmpty()) {
            applyFlips(now, stopAt);
        }
        if (idle && System.nanoTime() < stopAt) {
            evaluated += evaluateInBatches(this::deferredBatch, now, stopAt);
        }
        Progress current = progress.get(Progress.keyOf(context.taskId().partition()));
        if (current != null && !current.equals(lastPublished)) {
            context.forward(new Record<>(Progress.keyOf(context.taskId().partition()), current, wallClockMs), PROGRESS);
            lastPublished = current;
        }
        metrics.punctuated(Duration.ofNanos(System.nanoTime() - started), evaluated);
    }

    /** Subjects due by now, from the due index: entries of (index key, subject). */
    private List<KeyValue<String, String>> dueBatch(Instant now) {
        List<KeyValue<String, String>> batch = new ArrayList<>(BATCH);
        try (KeyValueIterator<String, String> it = dueIndex.range(DueKey.from(Instant.EPOCH), DueKey.upTo(now))) {
            while (it.hasNext() && batch.size() < BATCH) {
                batch.add(it.next());
            }
        }
        return batch;
    }

    /** Every put-off subject, whatever its due instant: entries of (its index key, subject). */
    private List<KeyValue<String, String>> deferredBatch() {
        List<KeyValue<String, String>> batch = new ArrayList<>(BATCH);
        try (KeyValueIterator<String, Deferral> it = deferred.all()) {
            while (it.hasNext() && batch.size() < BATCH) {
                KeyValue<String, Deferral> d = it.next();
                batch.add(KeyValue.pair(DueKey.of(d.value.due(), d.key), d.key));
            }
        }
        return batch;
    }

    /**
     * Takes each subject out of the due index and re-evaluates it, a batch at a time, until none
     * is left or the budget is spent (the rest stay in the index for the next punctuation).
     */
    private int evaluateInBatches(Supplier<List<KeyValue<String, String>>> nextBatch, Instant now, long stopAt) {
        int evaluated = 0;
        while (System.nanoTime() < stopAt) {
            List<KeyValue<String, String>> batch = nextBatch.get();
            if (batch.isEmpty()) {
                break;
            }
            for (KeyValue<String, String> entry : batch) {
                if (System.nanoTime() > stopAt) {
                    return evaluated;
                }
                dueIndex.delete(entry.key);
                reevaluate(entry.value, now);
                evaluated++;
            }
        }
        return evaluated;
    }

    private List<CaseEvent> history(String key) {
        List<CaseEvent> events = new ArrayList<>();
        try (KeyValueIterator<String, CaseEvent> it = histories.prefixScan(key + "|", Serdes.String().serializer())) {
            while (it.hasNext()) {
                events.add(it.next().value);
            }
        }
        return events;
    }

    private void reevaluate(String key, Instant now) {
        Deferral pending = deferred.get(key);
        if (pending != null) {
            dueIndex.delete(DueKey.of(pending.due(), key));
            deferred.delete(key);
        }
        putOff.remove(key);
        boolean backfill = pending != null;
        List<CaseEvent> history = history(key);
        if (history.isEmpty()) {
            return;
        }
        SubjectState old = states.get(key);
        if (old == null) {
            old = SubjectState.EMPTY;
        }
        Unseen since = unseen.remove(key);
        YearMonth reuseBefore;
        if (history.size() == old.eventsApplied()) {
            reuseBefore = London.month(now); // nothing new: a wake-up for a deadline or a month turning
        } else if (since != null && since.events() == history.size() - old.eventsApplied()) {
            reuseBefore = since.bearsFrom();
        } else {
            reuseBefore = null; // events this instance did not see arrive (it restarted): work every month out
        }
        List<MonthEnd> earlier = old.monthEnds().stream().map(StoredMonthEnd::toMonthEnd).toList();
        Evaluation eval = evaluator.evaluate(Subject.parse(key), history, now, earlier, reuseBefore);
        Map<String, ComplianceItem> items = publishItems(key, eval, old, now);
        Map<String, Alert> alerts = raiseAndResolve(key, items, old, now);
        publishContributions(eval, old, backfill);

        if (old.nextChange() != null) {
            dueIndex.delete(DueKey.of(old.nextChange(), key));
        }
        if (eval.nextChange() != null) {
            dueIndex.put(DueKey.of(eval.nextChange(), key), key);
        }
        for (Flip f : old.flips()) {
            flipIndex.delete(DueKey.of(f.at(), key) + "|" + f.code());
        }
        for (Flip f : eval.flips()) {
            flipIndex.put(DueKey.of(f.at(), key) + "|" + f.code(), key + "|" + f.code());
        }
        List<Contributed> contributed = new ArrayList<>();
        eval.contributions().forEach((b, t) -> contributed.add(new Contributed(b, t)));
        states.put(key, new SubjectState(items, contributed, eval.month(), alerts, eval.nextChange(), history.size(),
                eval.monthEnds().stream().map(StoredMonthEnd::of).toList(), eval.flips()));
        if (history.size() > old.eventsApplied()) {
            long n = history.size() - old.eventsApplied();
            ProgressStore.count(progress, Progress.keyOf(context.taskId().partition()), p -> p.withApplied(n));
        }
    }

    /** Flips due by now, earliest first, within the budget; each one taken out of the index as it is applied. */
    private void applyFlips(Instant now, long stopAt) {
        while (System.nanoTime() < stopAt) {
            List<KeyValue<String, String>> batch = new ArrayList<>(BATCH);
            try (KeyValueIterator<String, String> it = flipIndex.range(DueKey.from(Instant.EPOCH), DueKey.upTo(now))) {
                while (it.hasNext() && batch.size() < BATCH) {
                    batch.add(it.next());
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            for (KeyValue<String, String> entry : batch) {
                if (System.nanoTime() > stopAt) {
                    return;
                }
                flipIndex.delete(entry.key);
                int bar = entry.value.lastIndexOf('|');
                applyFlip(entry.value.substring(0, bar), entry.value.substring(bar + 1), now);
            }
        }
    }

    /**
     * A RECURRING item's known status change, applied to what was last published: the item, its
     * alert, and (turning OVERDUE) its numerator in the running month. The subject's history is not
     * read. What a full evaluation now would publish is exactly this, because only the status of
     * such an item changes at its flip; anything else that changes then (a month turning, an
     * event's time coming) is in the due index and has been evaluated first.
     */
    private void applyFlip(String key, String code, Instant now) {
        if (putOff.contains(key) || unseen.containsKey(key) || deferred.get(key) != null) {
            return; // events wait to be evaluated: that evaluation publishes the item as it is then
        }
        SubjectState old = states.get(key);
        Flip flip = old == null ? null : old.flips().stream()
                .filter(f -> f.code().equals(code) && !f.at().isAfter(now)).findFirst().orElse(null);
        if (flip == null) {
            return; // replaced by an evaluation since it was indexed
        }
        ComplianceItem before = old.items().get(key + "|" + code + "|" + code);
        YearMonth month = London.month(now);
        Bucket bucket = before == null ? null : new Bucket(code, before.team(), month, Bucket.Part.VALUE, "");
        if (before == null || !month.equals(old.month())
                || old.contributions().stream().noneMatch(c -> c.bucket().equals(bucket))) {
            reevaluate(key, now); // not expected (the month's turn comes first); a full evaluation is always right
            return;
        }
        List<Flip> flips = new ArrayList<>(old.flips());
        flips.remove(flip);
        Map<String, ComplianceItem> items = new LinkedHashMap<>(old.items());
        ComplianceItem after = before;
        if (before.status() != flip.to()) {
            after = new ComplianceItem(before.subject(), before.code(), before.itemId(), flip.to(), before.team(), before.service(),
                    before.worker(), before.entryDate(), before.lastActivity(), before.due(), before.deadline(),
                    before.refDate(), before.period(), before.days(), now);
            items.put(after.key(), after);
            context.forward(new Record<>(after.key(), after, now.toEpochMilli()), ITEMS);
        }
        List<Contributed> contributed = old.contributions();
        if (flip.to() == Status.OVERDUE && before.status() != Status.OVERDUE) {
            metrics.turnedOverdue(code);
            // A RECURRING item counts in the numerator until it is overdue (and in the denominator throughout).
            contributed = new ArrayList<>(old.contributions().size());
            for (Contributed c : old.contributions()) {
                contributed.add(c.bucket().equals(bucket) ? new Contributed(bucket, c.tally().minus(new Tally(1, 0))) : c);
            }
            Contribution delta = new Contribution(code, List.of(new Contribution.Change(before.team(), month, Bucket.Part.VALUE,
                    "", -1, 0, true)), false);
            context.forward(new Record<>(delta.key(), delta, context.currentSystemTimeMs()), CONTRIBUTIONS);
            ProgressStore.count(progress, Progress.keyOf(context.taskId().partition()), p -> p.withContributions(1));
        }
        Map<String, Alert> alerts = raiseAndResolve(key, items, old, now);
        states.put(key, new SubjectState(items, contributed, old.month(), alerts, old.nextChange(), old.eventsApplied(),
                old.monthEnds(), List.copyOf(flips)));
    }

    private Map<String, ComplianceItem> publishItems(String key, Evaluation eval, SubjectState old, Instant now) {
        Map<String, ComplianceItem> items = new LinkedHashMap<>();
        for (Item item : eval.items()) {
            ComplianceItem p = item.published(key, settings.organisation().serviceOf(item.team()), now);
            ComplianceItem before = old.items().get(p.key());
            if (p.sameAs(before)) {
                p = before;
            } else {
                context.forward(new Record<>(p.key(), p, now.toEpochMilli()), ITEMS);
                if (p.status() == Status.OVERDUE && (before == null || before.status() != Status.OVERDUE)) {
                    metrics.turnedOverdue(p.code());
                }
            }
            items.put(p.key(), p);
        }
        for (String gone : old.items().keySet()) {
            if (!items.containsKey(gone)) {
                context.forward(new Record<>(gone, null, now.toEpochMilli()), ITEMS);
            }
        }
        return items;
    }

    /** One alert per item: raised when it goes overdue, resolved when completed late, cancelled or gone. */
    private Map<String, Alert> raiseAndResolve(String key, Map<String, ComplianceItem> items, SubjectState old, Instant now) {
        Map<String, Alert> alerts = new HashMap<>(old.alerts());
        for (ComplianceItem item : items.values()) {
            if (!settings.alerting().contains(item.code())) {
                continue;
            }
            String id = Alert.idOf(item.code(), key, item.itemId());
            Alert existing = alerts.get(id);
            if (existing == null && item.status() == Status.OVERDUE && !overdueBeyondHorizon(item, now)) {
                Alert raised = new Alert(id, item.code(), key, item.itemId(), item.team(), item.worker(), now,
                        item.due(), item.deadline(), Alert.State.OPEN, null);
                alerts.put(id, raised);
                context.forward(new Record<>(id, raised, now.toEpochMilli()), ALERTS);
            }
        }
        for (Alert a : List.copyOf(alerts.values())) {
            if (a.state() != Alert.State.OPEN) {
                continue;
            }
            ComplianceItem item = items.get(a.subject() + "|" + a.code() + "|" + a.itemId());
            if (item == null || item.status() != Status.OVERDUE) {
                Alert resolved = a.resolved(now);
                alerts.put(a.id(), resolved);
                context.forward(new Record<>(a.id(), resolved, now.toEpochMilli()), ALERTS);
            }
        }
        return alerts;
    }

    /** Whether the item had been overdue longer than the alert horizon by now, when it is first seen overdue. */
    private boolean overdueBeyondHorizon(ComplianceItem item, Instant now) {
        Instant overdueSince = item.deadline() != null ? item.deadline() : London.startOfDay(item.due().plusDays(1));
        return overdueSince.plus(settings.alertHorizon()).isBefore(now);
    }

    /**
     * Publishes the change in this subject's contribution to every counter. A snapshot bucket
     * last worked out in an earlier month still stands, unseen, for each month since (counters
     * roll it forward), so that is what the new figure for those months is compared with.
     */
    private void publishContributions(Evaluation eval, SubjectState old, boolean backfill) {
        YearMonth now = eval.month();
        YearMonth windowStart = now.minusMonths(settings.retainedMonths() - 1L);
        Map<Bucket, Tally> before = new HashMap<>();
        for (Contributed c : old.contributions()) {
            if (!c.bucket().month().isBefore(windowStart)) {
                before.put(c.bucket(), c.tally());
            }
        }
        YearMonth last = old.month();
        if (last != null && last.isBefore(now)) {
            for (Contributed c : old.contributions()) {
                Bucket b = c.bucket();
                if (b.month().equals(last) && b.part() == Bucket.Part.VALUE && settings.isSnapshot(b.code())) {
                    for (YearMonth m = last.plusMonths(1); !m.isAfter(now); m = m.plusMonths(1)) {
                        if (!m.isBefore(windowStart)) {
                            before.merge(b.inMonth(m), c.tally(), Tally::plus);
                        }
                    }
                }
            }
        }
        Map<String, List<Contribution.Change>> byCode = new TreeMap<>();
        Set<Bucket> keys = new HashSet<>(before.keySet());
        keys.addAll(eval.contributions().keySet());
        for (Bucket b : keys) {
            if (b.month().isBefore(windowStart)) {
                continue;
            }
            Tally delta = eval.contributions().getOrDefault(b, Tally.ZERO).minus(before.getOrDefault(b, Tally.ZERO));
            if (delta.isZero()) {
                continue;
            }
            boolean carry = b.part() == Bucket.Part.VALUE && settings.isSnapshot(b.code()) && b.month().equals(now);
            byCode.computeIfAbsent(b.code(), c -> new ArrayList<>()).add(new Contribution.Change(
                    b.team(), b.month(), b.part(), b.distinct(), delta.numerator(), delta.denominator(), carry));
        }
        byCode.forEach((code, changes) -> {
            Contribution c = new Contribution(code, changes, backfill);
            context.forward(new Record<>(c.key(), c, context.currentSystemTimeMs()), CONTRIBUTIONS);
        });
        if (!byCode.isEmpty()) {
            ProgressStore.count(progress, Progress.keyOf(context.taskId().partition()), p -> p.withContributions(byCode.size()));
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    /**
     * Events accepted but not yet evaluated: how many, and the earliest month any bears on (null:
     * every month; see {@link SubjectEvaluator#firstMonthBearing}).
     */
    record Unseen(int events, YearMonth bearsFrom) {

        static Unseen of(CaseEvent e) {
            return new Unseen(1, SubjectEvaluator.firstMonthBearing(e));
        }

        Unseen plus(Unseen o) {
            YearMonth from = bearsFrom == null || o.bearsFrom == null ? null
                    : bearsFrom.isBefore(o.bearsFrom) ? bearsFrom : o.bearsFrom;
            return new Unseen(events + o.events, from);
        }
    }

    /** Due-index keys sort by instant: fixed-width epoch milliseconds, then the subject. */
    static final class DueKey {
        private DueKey() {}

        static String of(Instant at, String subject) {
            return String.format("%019d|%s", at.toEpochMilli(), subject);
        }

        static String from(Instant at) {
            return String.format("%019d|", at.toEpochMilli());
        }

        /** Everything due at or before {@code now}: '~' sorts after every subject character. */
        static String upTo(Instant now) {
            return String.format("%019d|~", now.toEpochMilli());
        }
    }

}
