package org.caseclock.engine.topology;

import java.util.Optional;
import org.caseclock.events.out.IndicatorValue;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.caseclock.engine.config.EngineMetrics;
import org.caseclock.events.out.Alert;
import org.caseclock.engine.store.Contribution;
import org.caseclock.engine.store.CounterState;
import org.caseclock.engine.store.JsonSerde;
import org.caseclock.events.out.Progress;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.engine.store.Deferral;
import org.caseclock.events.CaseEvent;
import org.caseclock.engine.store.SubjectState;
import org.caseclock.events.contract.ContractValidator;
import org.caseclock.events.contract.ValidationMark;

/**
 * case-events -> validate -> (DLQ | subject) -> items, alerts, progress, contributions
 * contributions (re-keyed by code|scope) -> counters -> indicator-values.
 * Every store is persistent (RocksDB) with a changelog, so state survives restarts and moves.
 */
public final class EngineTopology {

    private EngineTopology() {}

    public static Topology build(EngineSettings settings) {
        return build(settings, true, EngineMetrics.NONE);
    }

    public static Topology build(EngineSettings settings, boolean persistent) {
        return build(settings, persistent, EngineMetrics.NONE);
    }

    /**
     * {@code persistent = false} keeps state in memory: for TopologyTestDriver, which commits (and
     * so flushes RocksDB) after every record. The engine itself always runs on RocksDB.
     */
    public static Topology build(EngineSettings settings, boolean persistent, EngineMetrics metrics) {
        return build(settings, persistent, metrics, Optional.empty());
    }

    /** {@code mark}: how ingest marks what it has validated (none: every record is validated in full). */
    public static Topology build(EngineSettings settings, boolean persistent, EngineMetrics metrics, Optional<ValidationMark> mark) {
        ContractValidator validator = new ContractValidator();
        Topology t = new Topology();
        t.addSource("events", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), EngineTopics.CASE_EVENTS);
        t.addProcessor("validate", () -> new ValidateProcessor(validator, mark), "events");
        t.addSink(ValidateProcessor.INVALID, EngineTopics.CASE_EVENTS_DLQ,
                Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(), "validate");
        t.addProcessor(ValidateProcessor.VALID, () -> new SubjectProcessor(settings, metrics), "validate");

        t.addSink(SubjectProcessor.ITEMS, EngineTopics.COMPLIANCE_ITEMS,
                Serdes.String().serializer(), new JsonSerde<>(ComplianceItem.class).serializer(), ValidateProcessor.VALID);
        t.addSink(SubjectProcessor.ALERTS, EngineTopics.ALERTS,
                Serdes.String().serializer(), new JsonSerde<>(Alert.class).serializer(), ValidateProcessor.VALID);
        t.addSink(SubjectProcessor.PROGRESS, EngineTopics.ENGINE_PROGRESS,
                Serdes.String().serializer(), new JsonSerde<>(Progress.class).serializer(), ValidateProcessor.VALID);
        t.addSink(SubjectProcessor.CONTRIBUTIONS, EngineTopics.CONTRIBUTIONS,
                Serdes.String().serializer(), new JsonSerde<>(Contribution.class).serializer(), ValidateProcessor.VALID);

        t.addSource("contributions-in", Serdes.String().deserializer(), new JsonSerde<>(Contribution.class).deserializer(),
                EngineTopics.CONTRIBUTIONS);
        t.addProcessor("counters", () -> new CounterProcessor(settings), "contributions-in");
        t.addSink(CounterProcessor.VALUES, EngineTopics.INDICATOR_VALUES,
                Serdes.String().serializer(), new JsonSerde<>(IndicatorValue.class).serializer(), "counters");
        t.addSink(CounterProcessor.PROGRESS, EngineTopics.ENGINE_PROGRESS,
                Serdes.String().serializer(), new JsonSerde<>(Progress.class).serializer(), "counters");

        t.addStateStore(store(EngineTopics.Stores.HISTORY, new JsonSerde<>(CaseEvent.class), persistent), ValidateProcessor.VALID);
        t.addStateStore(store(EngineTopics.Stores.DEFERRED, new JsonSerde<>(Deferral.class), persistent), ValidateProcessor.VALID);
        t.addStateStore(store(EngineTopics.Stores.SUBJECT_STATE, new JsonSerde<>(SubjectState.class), persistent), ValidateProcessor.VALID);
        t.addStateStore(store(EngineTopics.Stores.DUE_INDEX, Serdes.String(), persistent), ValidateProcessor.VALID);
        t.addStateStore(store(EngineTopics.Stores.FLIP_INDEX, Serdes.String(), persistent), ValidateProcessor.VALID);
        t.addStateStore(store(EngineTopics.Stores.PROGRESS, new JsonSerde<>(Progress.class), persistent), "validate", ValidateProcessor.VALID);
        t.addStateStore(store(EngineTopics.Stores.COUNTERS, new JsonSerde<>(CounterState.MonthTotals.class), persistent), "counters");
        t.addStateStore(store(EngineTopics.Stores.COUNTERS_UNPUBLISHED, Serdes.String(), persistent), "counters");
        t.addStateStore(store(EngineTopics.Stores.COUNTER_HEADS, new JsonSerde<>(CounterState.class), persistent), "counters");
        t.addStateStore(store(EngineTopics.Stores.COUNTER_PROGRESS, new JsonSerde<>(Progress.class), persistent), "counters");
        return t;
    }

    /**
     * Cached: a key written many times between two commits (a partition's progress, a counter, a
     * subject's deferral during a back-fill) reaches RocksDB and its changelog once per commit,
     * not once per write.
     */
    private static <V> StoreBuilder<?> store(String name, org.apache.kafka.common.serialization.Serde<V> serde, boolean persistent) {
        return Stores.keyValueStoreBuilder(persistent ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name),
                Serdes.String(), serde).withCachingEnabled();
    }
}
