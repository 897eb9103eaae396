package org.caseclock.query.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.caseclock.events.Topics;
import org.caseclock.query.api.LiveUpdates;
import org.caseclock.query.config.QueryProperties;
import org.caseclock.events.out.AlertDelivery;
import org.caseclock.query.store.AlertStore;
import org.caseclock.query.store.DeliveryStore;
import org.caseclock.query.store.ItemStore;
import org.caseclock.query.store.Materialised.Change;
import org.caseclock.query.store.Materialised.Write;
import org.caseclock.query.store.ProgressStore;
import org.caseclock.events.out.Alert;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Progress;
import org.caseclock.events.out.IndicatorValue;
import org.caseclock.query.store.ValueStore;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Materialises the engine's four output topics, and the alerts service's deliveries, into MongoDB, a batch at a time: write, then tell
 * live-update subscribers what changed, then commit the offsets. A crash between write and
 * commit re-reads the batch, and the writes are idempotent.
 */
@Component
public class EngineTopicsListener implements ConsumerSeekAware {

    private final ItemStore items;
    private final ValueStore values;
    private final AlertStore alerts;
    private final DeliveryStore deliveries;
    private final ProgressStore progress;
    private final LiveUpdates live;
    private final QueryMetrics metrics;
    private final boolean replayOnStart;
    /**
     * With replay-on-start: each partition's position up to which this process has written the
     * store itself. A partition absent has not been read here yet.
     */
    private final Map<TopicPartition, Long> writtenHere = new ConcurrentHashMap<>();

    EngineTopicsListener(ItemStore items, ValueStore values, AlertStore alerts, DeliveryStore deliveries, ProgressStore progress,
                         LiveUpdates live, QueryMetrics metrics, QueryProperties properties) {
        this.items = items;
        this.values = values;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.progress = progress;
        this.live = live;
        this.metrics = metrics;
        this.replayOnStart = properties.replayOnStart();
    }

    @KafkaListener(id = "query-items", idIsGroup = false, topics = Topics.COMPLIANCE_ITEMS, containerFactory = QueryKafkaConfig.LISTENER_FACTORY)
    void onItems(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<Write<ComplianceItem>> writes = EngineRecords.read(records, ComplianceItem.class, metrics);
        for (Change<ComplianceItem> change : items.apply(writes)) {
            live.itemChanged(change.before(), change.after());
            if (change.after() != null) {
                metrics.freshness(Topics.COMPLIANCE_ITEMS, change.after().updatedAt());
            }
        }
        done(Topics.COMPLIANCE_ITEMS, writes.size(), records, ack);
    }

    @KafkaListener(id = "query-values", idIsGroup = false, topics = Topics.INDICATOR_VALUES, containerFactory = QueryKafkaConfig.LISTENER_FACTORY)
    void onValues(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<Write<IndicatorValue>> writes = EngineRecords.read(records, IndicatorValue.class, metrics);
        for (Change<IndicatorValue> change : values.apply(writes)) {
            IndicatorValue after = change.after();
            if (after != null) {
                if (!after.sameFigures(change.before())) {
                    live.valueChanged(after);
                }
                metrics.freshness(Topics.INDICATOR_VALUES, after.updatedAt());
            }
        }
        done(Topics.INDICATOR_VALUES, writes.size(), records, ack);
    }

    @KafkaListener(id = "query-alerts", idIsGroup = false, topics = Topics.ALERTS, containerFactory = QueryKafkaConfig.LISTENER_FACTORY)
    void onAlerts(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<Write<Alert>> writes = EngineRecords.read(records, Alert.class, metrics);
        alerts.apply(writes);
        done(Topics.ALERTS, writes.size(), records, ack);
    }

    @KafkaListener(id = "query-deliveries", idIsGroup = false, topics = Topics.ALERT_DELIVERIES, containerFactory = QueryKafkaConfig.LISTENER_FACTORY)
    void onDeliveries(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<Write<AlertDelivery>> writes = EngineRecords.read(records, AlertDelivery.class, metrics);
        deliveries.apply(writes);
        done(Topics.ALERT_DELIVERIES, writes.size(), records, ack);
    }

    @KafkaListener(id = "query-progress", idIsGroup = false, topics = Topics.ENGINE_PROGRESS, containerFactory = QueryKafkaConfig.LISTENER_FACTORY)
    void onProgress(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<Write<Progress>> writes = EngineRecords.read(records, Progress.class, metrics);
        progress.apply(writes);
        done(Topics.ENGINE_PROGRESS, writes.size(), records, ack);
    }

    private void done(String topic, int written, List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        metrics.applied(topic, written);
        ack.acknowledge();
        if (replayOnStart) {
            // Past each record written; a transaction marker behind the last one is passed when the consumer idles.
            records.forEach(r -> writtenHere.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
        }
    }

    /**
     * With replay-on-start, how far this process has written each partition into its store, which
     * was empty when it started: the group's committed offsets, left at the end by the run before,
     * say nothing of that until the replay commits again. {@code null} without replay-on-start,
     * when the committed offsets are the measure (the store kept what was written before them).
     */
    Map<TopicPartition, Long> writtenSinceStart() {
        return replayOnStart ? Map.copyOf(writtenHere) : null;
    }

    /**
     * When a consumer has had nothing for a while, everything below its position is in MongoDB
     * or was never for us (transaction markers, aborted records). Committing the position then
     * lets {@code /api/status} see "no lag" even when a partition ends with an aborted
     * transaction, which fixTxOffsets does not cover. Runs on the consumer's own thread.
     */
    @EventListener
    void onIdle(ListenerContainerIdleEvent event) {
        Consumer<?, ?> consumer = event.getConsumer();
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        Map<TopicPartition, OffsetAndMetadata> behind = new HashMap<>();
        for (TopicPartition tp : assigned) {
            long position = consumer.position(tp);
            OffsetAndMetadata c = committed.get(tp);
            if (position > (c == null ? 0 : c.offset())) {
                behind.put(tp, new OffsetAndMetadata(position));
            }
        }
        if (!behind.isEmpty()) {
            consumer.commitSync(behind);
        }
        // Only this class's own containers: in the all-in-one app the alerts service's consumer idles too.
        if (replayOnStart && event.getListenerId().startsWith("query-")) {
            // Nothing is waiting: everything below each position is in the store or was never for it.
            assigned.forEach(tp -> writtenHere.put(tp, consumer.position(tp)));
        }
    }

    /**
     * With replay-on-start, each partition is read from its start the first time this process gets
     * it, and from where this process had written it to when it gets it again. Not from the
     * group's committed offset: a rebalance early in the replay (the five listeners of one group
     * joining one after the other) would otherwise resume a partition at the offset the run before
     * committed, its end, and leave the records below it out of the store.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!replayOnStart) {
            return;
        }
        List<TopicPartition> first = new ArrayList<>();
        for (TopicPartition tp : assignments.keySet()) {
            Long here = writtenHere.get(tp);
            if (here == null) {
                first.add(tp);
            } else {
                callback.seek(tp.topic(), tp.partition(), here);
            }
        }
        if (!first.isEmpty()) {
            callback.seekToBeginning(first);
        }
    }
}
