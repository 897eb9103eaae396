package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.bson.Document;

/**
 * A compacted topic kept as a collection: the record key is the document's {@code _id}, a value
 * replaces the whole document and a tombstone deletes it. Nothing else goes in (no time of
 * consumption, no offsets), so applying the same records again, or the topic from its start,
 * leaves the collection exactly as it was.
 */
public final class Materialised<T> {

    /** A record: its key and value, or null for a tombstone. */
    public record Write<T>(String key, T value) {}

    /** What one record changed: the value before and after it (null for none). */
    public record Change<T>(String key, T before, T after) {}

    private final MongoCollection<Document> collection;
    private final BiFunction<T, String, Document> toDocument;
    private final Function<Document, T> fromDocument;

    public Materialised(MongoCollection<Document> collection, BiFunction<T, String, Document> toDocument,
                        Function<Document, T> fromDocument) {
        this.collection = collection;
        this.toDocument = toDocument;
        this.fromDocument = fromDocument;
    }

    /**
     * Writes the records in order in one bulk write, and returns what each changed. The values
     * before are read first, so callers can tell a real change from a record seen again.
     */
    public List<Change<T>> apply(List<Write<T>> writes) {
        List<Change<T>> changes = changes(writes);
        write(writes);
        return changes;
    }

    /**
     * What {@link #write} would change: each record's value before (as stored, or as the previous
     * record of the same key left it) and after. Reads, writes nothing.
     */
    public List<Change<T>> changes(List<Write<T>> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        writes.forEach(w -> keys.add(w.key()));
        Map<String, T> current = new HashMap<>();
        for (Document d : collection.find(Filters.in("_id", keys))) {
            current.put(d.getString("_id"), fromDocument.apply(d));
        }
        List<Change<T>> changes = new ArrayList<>();
        for (Write<T> w : writes) {
            changes.add(new Change<>(w.key(), current.get(w.key()), w.value()));
            current.put(w.key(), w.value());
        }
        return changes;
    }

    /** The records in order, in one bulk write. */
    public void write(List<Write<T>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> models = new ArrayList<>();
        for (Write<T> w : writes) {
            if (w.value() == null) {
                models.add(new DeleteOneModel<>(Filters.eq("_id", w.key())));
            } else {
                models.add(new ReplaceOneModel<>(Filters.eq("_id", w.key()), toDocument.apply(w.value(), w.key()),
                        new ReplaceOptions().upsert(true)));
            }
        }
        collection.bulkWrite(models, new BulkWriteOptions().ordered(true));
    }
}
