package org.caseclock.query.store;

import org.bson.Document;

/**
 * The engine's running counts for one of its tasks, from {@code engine-progress}: key
 * {@code partition-N} for a subject task (events accepted, applied, duplicates, rejected,
 * contribution deltas sent), {@code counters-N} for a counter task (deltas counted, and the
 * offset after the last one counted on contributions partition N).
 */
public record StoredProgress(long accepted, long applied, long duplicates, long rejected, long contributions, long counted,
        long position) {

    public Document toDocument(String key) {
        return new Document("_id", key)
                .append("accepted", accepted)
                .append("applied", applied)
                .append("duplicates", duplicates)
                .append("rejected", rejected)
                .append("contributions", contributions)
                .append("counted", counted)
                .append("position", position);
    }

    public static StoredProgress of(Document d) {
        return new StoredProgress(Bson.number(d, "accepted"), Bson.number(d, "applied"), Bson.number(d, "duplicates"),
                Bson.number(d, "rejected"), Bson.number(d, "contributions"), Bson.number(d, "counted"),
                Bson.number(d, "position"));
    }
}
