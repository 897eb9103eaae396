package org.caseclock.query.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseclock.events.EventJson;
import org.caseclock.query.store.Materialised.Write;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a batch of the engine's JSON records into writes: key and value, or null for a tombstone. */
final class EngineRecords {

    private static final Logger log = LoggerFactory.getLogger(EngineRecords.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    private EngineRecords() {}

    /**
     * A record that cannot be read is left out and logged by position (never by key: keys name
     * children), and counted, so a bad record from a newer engine cannot stall the topic.
     */
    static <T> List<Write<T>> read(List<ConsumerRecord<String, byte[]>> records, Class<T> type, QueryMetrics metrics) {
        List<Write<T>> writes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() == null) {
                skip(r, "no key", metrics);
                continue;
            }
            try {
                writes.add(new Write<>(r.key(), r.value() == null ? null : JSON.readValue(r.value(), type)));
            } catch (IOException e) {
                skip(r, e.getClass().getSimpleName(), metrics);
            }
        }
        return writes;
    }

    private static void skip(ConsumerRecord<String, byte[]> r, String why, QueryMetrics metrics) {
        log.error("Skipped unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), why);
        metrics.skipped(r.topic());
    }
}
