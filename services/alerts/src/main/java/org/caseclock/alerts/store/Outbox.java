package org.caseclock.alerts.store;

import org.caseclock.events.out.Alert;
import static org.caseclock.alerts.store.AlertDocuments.date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.caseclock.events.out.AlertDelivery.State;
import org.caseclock.events.out.AlertDelivery;
import org.springframework.stereotype.Component;

/**
 * {@code alert_deliveries}: the outbox of notices to send and the log of those sent. Its {@code _id}
 * ({@code alertId|notice|channel}) is what makes a notice happen once per channel: an alert record
 * consumed again finds its entries there and adds nothing. MongoDB's unique {@code _id} is the
 * only guarantee needed, as there are no transactions to lean on. Each change of a delivery is
 * then published ({@link Published}, the alert-deliveries topic), for the query service to show.
 */
@Component
public class Outbox {

    public static final String COLLECTION = "alert_deliveries";

    private static final List<String> UNSENT = List.of(State.PENDING.name(), State.FAILING.name());

    /** Where each delivery's new state goes once it is stored: the alert-deliveries topic. */
    @FunctionalInterface
    public interface Published {
        void changed(AlertDelivery delivery);
    }

    private final MongoCollection<Document> deliveries;
    private final Published published;

    public Outbox(MongoDatabase mongo, Published published) {
        this.deliveries = mongo.getCollection(COLLECTION);
        this.published = published;
        deliveries.createIndex(Indexes.ascending("state", "nextAttemptAt"));
        deliveries.createIndex(Indexes.ascending("alertId"));
    }

    /** Adds the notice unless it is already there (sent or not). @return whether it was new */
    public boolean enqueue(Alert alert, Notice notice, String channel, Instant now) {
        try {
            Delivery pending = Delivery.pending(alert, notice, channel, now);
            deliveries.insertOne(pending.toDocument());
            published.changed(pending.published());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Unsent deliveries whose next attempt is due, the longest waiting first. */
    public List<Delivery> due(Instant now, int limit) {
        List<Delivery> found = new ArrayList<>();
        Bson filter = Filters.and(Filters.in("state", UNSENT), Filters.lte("nextAttemptAt", date(now)));
        for (Document d : deliveries.find(filter).sort(Sorts.ascending("nextAttemptAt")).limit(limit)) {
            found.add(Delivery.of(d));
        }
        return found;
    }

    /**
     * Takes {@code d} for one attempt by moving its next attempt to {@code until}: another worker
     * that read it at the same time then fails to claim it, and if this one dies mid-send the
     * delivery becomes due again when the lease runs out.
     */
    public boolean claim(Delivery d, Instant until) {
        Bson filter = Filters.and(Filters.eq("_id", d.id()), Filters.in("state", UNSENT),
                Filters.eq("nextAttemptAt", date(d.nextAttemptAt())));
        return deliveries.updateOne(filter, Updates.set("nextAttemptAt", date(until))).getModifiedCount() == 1;
    }

    public void delivered(Delivery d, Instant attemptedAt, Instant deliveredAt, String recipient) {
        deliveries.updateOne(Filters.eq("_id", d.id()), Updates.combine(
                Updates.set("state", State.DELIVERED.name()),
                // Set rather than incremented: the claim makes this worker the only writer.
                Updates.set("attempts", d.attempts() + 1),
                Updates.set("lastAttemptAt", date(attemptedAt)),
                Updates.set("deliveredAt", date(deliveredAt)),
                Updates.set("recipient", recipient)));
        publish(d.id());
    }

    /** Records a failed attempt and when to try again. @return the state it is left in */
    public State failed(Delivery d, Instant attemptedAt, Instant next, String error, int failingAfter) {
        int attempts = d.attempts() + 1;
        State state = attempts >= failingAfter ? State.FAILING : State.PENDING;
        deliveries.updateOne(Filters.eq("_id", d.id()), Updates.combine(
                Updates.set("state", state.name()),
                Updates.set("attempts", attempts),
                Updates.set("lastAttemptAt", date(attemptedAt)),
                Updates.set("nextAttemptAt", date(next)),
                Updates.set("lastError", error)));
        publish(d.id());
        return state;
    }

    private void publish(String id) {
        find(id).ifPresent(stored -> published.changed(stored.published()));
    }

    /** How many deliveries are waiting, by state (PENDING and FAILING). */
    public Map<State, Long> unsent() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (String state : UNSENT) {
            counts.put(State.valueOf(state), deliveries.countDocuments(Filters.eq("state", state)));
        }
        return counts;
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", id)).first()).map(Delivery::of);
    }

    public List<Delivery> ofAlert(String alertId) {
        List<Delivery> found = new ArrayList<>();
        for (Document d : deliveries.find(Filters.eq("alertId", alertId)).sort(Sorts.ascending("createdAt", "_id"))) {
            found.add(Delivery.of(d));
        }
        return found;
    }
}
