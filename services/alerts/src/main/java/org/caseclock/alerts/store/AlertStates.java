package org.caseclock.alerts.store;

import org.caseclock.events.out.Alert;
import static org.caseclock.alerts.store.AlertDocuments.date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** {@code alert_states}: each alert's latest state, which the escalation check reads. */
@Component
public class AlertStates {

    public static final String COLLECTION = "alert_states";

    private final MongoCollection<Document> states;

    public AlertStates(MongoDatabase mongo) {
        this.states = mongo.getCollection(COLLECTION);
        states.createIndex(Indexes.ascending("state", "raisedAt"));
    }

    /**
     * Keeps the alert's latest state. RESOLVED is final: an OPEN record read again after it (a
     * replay) only inserts when the alert is new, so it cannot reopen what was resolved.
     */
    public void record(Alert alert, Instant receivedAt) {
        Document fields = AlertDocuments.toDocument(alert).append("updatedAt", date(receivedAt));
        var upsert = new UpdateOptions().upsert(true);
        if (alert.state() == Alert.State.OPEN) {
            states.updateOne(Filters.eq("_id", alert.id()), new Document("$setOnInsert", fields), upsert);
        } else {
            states.updateOne(Filters.eq("_id", alert.id()), new Document("$set", fields), upsert);
        }
    }

    /** Alerts still OPEN, raised at or before {@code cutoff}, not yet escalated, the oldest first. */
    public List<Alert> openRaisedBefore(Instant cutoff, int limit) {
        List<Alert> found = new ArrayList<>();
        var filter = Filters.and(Filters.eq("state", Alert.State.OPEN.name()), Filters.lte("raisedAt", date(cutoff)),
                Filters.eq("escalatedAt", null));
        for (Document d : states.find(filter).sort(Sorts.ascending("raisedAt")).limit(limit)) {
            found.add(AlertDocuments.alert(d));
        }
        return found;
    }

    public void markEscalated(String alertId, Instant at) {
        states.updateOne(Filters.eq("_id", alertId), Updates.set("escalatedAt", date(at)));
    }

    public Optional<Alert> find(String alertId) {
        return Optional.ofNullable(states.find(Filters.eq("_id", alertId)).first()).map(AlertDocuments::alert);
    }
}
