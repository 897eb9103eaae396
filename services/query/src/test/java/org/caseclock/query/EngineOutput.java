package org.caseclock.query;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseclock.events.Topics;

/**
 * Stands in for the engine: writes records to its output topics in a transaction, as the engine
 * does (exactly_once_v2), with values in the JSON of docs/engine.md.
 */
final class EngineOutput implements AutoCloseable {

    /** A record; {@code partition} null lets the producer choose, as the engine's does. */
    record Rec(String topic, Integer partition, String key, String value) {
        Rec(String topic, String key, String value) {
            this(topic, null, key, value);
        }
    }

    private final KafkaProducer<String, String> producer;

    EngineOutput(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-engine-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        producer.initTransactions();
    }

    void commit(List<Rec> records) {
        producer.beginTransaction();
        records.forEach(r -> producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value())));
        producer.commitTransaction();
    }

    void abort(List<Rec> records) {
        producer.beginTransaction();
        records.forEach(r -> producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value())));
        producer.flush();
        producer.abortTransaction();
    }

    @Override
    public void close() {
        producer.close();
    }

    static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /** A compliance-items record; key subject|code|itemId. */
    static Rec item(String subject, String code, String itemId, String status, String team, String service, String worker,
                    String entryDate, String lastActivity, String due, String deadline, String refDate, String period) {
        String json = "{\"subject\": " + q(subject) + ", \"code\": " + q(code) + ", \"itemId\": " + q(itemId)
                + ", \"status\": " + q(status) + ", \"team\": " + q(team) + ", \"service\": " + q(service)
                + ", \"worker\": " + q(worker) + ", \"entryDate\": " + q(entryDate) + ", \"lastActivity\": " + q(lastActivity)
                + ", \"due\": " + q(due) + ", \"deadline\": " + q(deadline) + ", \"refDate\": " + q(refDate)
                + ", \"period\": " + q(period) + ", \"updatedAt\": \"2026-02-03T09:00:00Z\"}";
        return new Rec("compliance-items", subject + "|" + code + "|" + itemId, json);
    }

    /** A snapshot (RECURRING) item: its id is its code, no period. */
    static Rec recurring(String subject, String code, String status, String team, String service, String due) {
        return item(subject, code, code, status, team, service, "W1", "2025-11-02", "2025-12-30", due, null, null, null);
    }

    static Rec tombstone(String subject, String code, String itemId) {
        return new Rec("compliance-items", subject + "|" + code + "|" + itemId, null);
    }

    /** An indicator-values record; key code|scope|period. */
    static Rec value(String code, String scope, String period, long numerator, long denominator,
                     Long firstNumerator, Long firstDenominator) {
        return value(code, scope, period, numerator, denominator, firstNumerator, firstDenominator, null, null);
    }

    private static Rec value(String code, String scope, String period, long numerator, long denominator,
                             Long firstNumerator, Long firstDenominator, Long projectedNumerator, Long projectedDenominator) {
        String json = "{\"code\": " + q(code) + ", \"scope\": " + q(scope) + ", \"period\": " + q(period)
                + ", \"numerator\": " + numerator + ", \"denominator\": " + denominator
                + ", \"firstReportedNumerator\": " + firstNumerator + ", \"firstReportedDenominator\": " + firstDenominator
                + (projectedNumerator == null ? "" : ", \"projectedNumerator\": " + projectedNumerator
                        + ", \"projectedDenominator\": " + projectedDenominator)
                + ", \"updatedAt\": \"2026-02-03T09:00:00Z\"}";
        return new Rec("indicator-values", code + "|" + scope + "|" + period, json);
    }

    /** The running month as an engine from before v1.1 published it: no projection. */
    static Rec running(String code, String scope, String period, long numerator, long denominator) {
        return value(code, scope, period, numerator, denominator, null, null);
    }

    /** The running month with the engine's projection of it to its last instant (v1.1). */
    static Rec projected(String code, String scope, String period, long numerator, long denominator,
                         long projectedNumerator, long projectedDenominator) {
        return value(code, scope, period, numerator, denominator, null, null, projectedNumerator, projectedDenominator);
    }

    /** An alerts record; key = id = code|subject|itemId. */
    static Rec alert(String code, String subject, String itemId, String team, String raisedAt, String due,
                     String state, String resolvedAt) {
        String id = code + "|" + subject + "|" + itemId;
        String json = "{\"id\": " + q(id) + ", \"code\": " + q(code) + ", \"subject\": " + q(subject)
                + ", \"itemId\": " + q(itemId) + ", \"team\": " + q(team) + ", \"worker\": \"W1\""
                + ", \"raisedAt\": " + q(raisedAt) + ", \"due\": " + q(due) + ", \"deadline\": null"
                + ", \"state\": " + q(state) + ", \"resolvedAt\": " + q(resolvedAt) + "}";
        return new Rec("alerts", id, json);
    }

    /** An alert-deliveries record as the alerts service publishes it (events.out.AlertDelivery); key = id. */
    static Rec delivery(String id, String alertId, String notice, String channel, String state, int attempts,
                        String createdAt, String lastAttemptAt, String deliveredAt) {
        String json = "{\"id\": " + q(id) + ", \"deliveryId\": \"f94100de-5ed0-30fb-96b2-5740d5b8a07c\", \"alertId\": " + q(alertId)
                + ", \"notice\": " + q(notice) + ", \"channel\": " + q(channel) + ", \"state\": " + q(state)
                + ", \"attempts\": " + attempts + ", \"createdAt\": " + q(createdAt) + ", \"lastAttemptAt\": " + q(lastAttemptAt)
                + ", \"deliveredAt\": " + q(deliveredAt) + "}";
        return new Rec("alert-deliveries", id, json);
    }

    /** An engine-progress record for a subject task (partition-N) or a counter task (counters-N). */
    static Rec progress(String key, long accepted, long applied, long duplicates, long rejected, long contributions, long counted) {
        String json = "{\"accepted\": " + accepted + ", \"applied\": " + applied + ", \"duplicates\": " + duplicates
                + ", \"rejected\": " + rejected + ", \"contributions\": " + contributions + ", \"counted\": " + counted + "}";
        return new Rec("engine-progress", key, json);
    }

    /** A counter task's progress: deltas counted, and the contributions offset after the last one. */
    static Rec counterProgress(int partition, long counted, long position) {
        return new Rec("engine-progress", "counters-" + partition,
                "{\"counted\": " + counted + ", \"position\": " + position + "}");
    }

    /** A contribution delta on the engine's internal topic (its content is the engine's own business). */
    static Rec contribution(int partition) {
        return new Rec(Topics.CONTRIBUTIONS, partition, "N1|team/T1", "{}");
    }
}
