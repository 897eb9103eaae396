package org.caseclock.query.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Offsets seen from outside the consumers: topic ends, and how far this service has committed. */
@Component
public class ConsumerLag {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private static final long TIMEOUT_MS = 10_000;

    private final Admin admin;
    private final String groupId;
    private final EngineTopicsListener listener;

    ConsumerLag(Admin admin, @Value("${spring.kafka.consumer.group-id}") String groupId, EngineTopicsListener listener) {
        this.admin = admin;
        this.groupId = groupId;
        this.listener = listener;
    }

    /** The sum of a topic's end offsets: how many records were ever written to it. 0 if it does not exist yet. */
    public long endOffsetSum(String topic) {
        return ends(partitions(List.of(topic)), IsolationLevel.READ_UNCOMMITTED).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Whether this service has committed, on every partition of {@code topics}, up to the last
     * committed transaction: everything the engine has published there is in MongoDB.
     */
    public boolean caughtUp(Collection<String> topics) {
        return committedUpTo(committedEnds(topics));
    }

    /** Each partition's end, up to the last committed transaction (what a read-committed consumer can reach). */
    public Map<TopicPartition, Long> committedEnds(Collection<String> topics) {
        List<TopicPartition> partitions = partitions(topics);
        return partitions.isEmpty() ? Map.of() : ends(partitions, IsolationLevel.READ_COMMITTED);
    }

    /** Whether this service has committed at least {@code offsets} on each of their partitions. */
    public boolean committedUpTo(Map<TopicPartition, Long> offsets) {
        if (offsets.values().stream().allMatch(end -> end == 0)) {
            return true;
        }
        // Replaying into a store that started empty, what the group committed before this process
        // started is not in it: only what this process has written counts.
        Map<TopicPartition, Long> reached = listener.writtenSinceStart();
        if (reached == null) {
            reached = new HashMap<>();
            for (var c : get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()).entrySet()) {
                if (c.getValue() != null) {
                    reached.put(c.getKey(), c.getValue().offset());
                }
            }
        }
        for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
            long end = e.getValue();
            Long c = reached.get(e.getKey());
            if (end > 0 && (c == null || c < end)) {
                log.debug("Behind on {}: reached {}, end {}", e.getKey(), c, end);
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(Collection<String> topics) {
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String topic : topics) {
            try {
                TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
                d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return partitions;
    }

    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> result = get(admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin request timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
