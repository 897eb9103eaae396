package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** {@code engine-progress} as the collection {@code engineProgress}: one document per engine task. */
@Component
public class ProgressStore {

    public static final String COLLECTION = "engineProgress";

    private final MongoCollection<Document> progress;
    private final Materialised<StoredProgress> materialised;

    public ProgressStore(MongoTemplate mongo) {
        this.progress = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(progress, StoredProgress::toDocument, StoredProgress::of);
    }

    public List<Materialised.Change<StoredProgress>> apply(List<Materialised.Write<StoredProgress>> writes) {
        return materialised.apply(writes);
    }

    /** Every task's counts by key ({@code partition-N}, {@code counters-N}). */
    public Map<String, StoredProgress> all() {
        Map<String, StoredProgress> all = new TreeMap<>();
        for (Document d : progress.find()) {
            all.put(d.getString("_id"), StoredProgress.of(d));
        }
        return all;
    }
}
