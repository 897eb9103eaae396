package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.caseclock.events.out.Progress;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code engine-progress} as the collection {@code engineProgress}: one document per engine task. The record is the
 * output contract's ({@link Progress}); only its MongoDB mapping is here.
 */
@Component
public class ProgressStore {

    public static final String COLLECTION = "engineProgress";

    private final MongoCollection<Document> progress;
    private final Materialised<Progress> materialised;

    public ProgressStore(MongoTemplate mongo) {
        this.progress = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(progress, ProgressStore::toDocument, ProgressStore::of);
    }

    public List<Materialised.Change<Progress>> apply(List<Materialised.Write<Progress>> writes) {
        return materialised.apply(writes);
    }

    /** Every task's counts by key ({@code partition-N}, {@code counters-N}). */
    public Map<String, Progress> all() {
        Map<String, Progress> all = new TreeMap<>();
        for (Document d : progress.find()) {
            all.put(d.getString("_id"), of(d));
        }
        return all;
    }

    private static Document toDocument(Progress p, String key) {
        return new Document("_id", key)
                .append("accepted", p.accepted())
                .append("applied", p.applied())
                .append("duplicates", p.duplicates())
                .append("rejected", p.rejected())
                .append("contributions", p.contributions())
                .append("counted", p.counted())
                .append("position", p.position());
    }

    private static Progress of(Document d) {
        return new Progress(BsonValues.number(d, "accepted"), BsonValues.number(d, "applied"), BsonValues.number(d, "duplicates"),
                BsonValues.number(d, "rejected"), BsonValues.number(d, "contributions"), BsonValues.number(d, "counted"),
                BsonValues.number(d, "position"));
    }
}
