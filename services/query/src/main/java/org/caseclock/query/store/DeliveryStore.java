package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code alert_deliveries}, which the alerts service writes (its outbox and delivery log):
 * how each notice of an alert went, per channel. Read-only here.
 */
@Component
public class DeliveryStore {

    public static final String COLLECTION = "alert_deliveries";

    /** @param notice OPEN, RESOLVED or ESCALATION; @param state PENDING, FAILING or DELIVERED */
    public record StoredDelivery(String notice, String channel, String state, int attempts, Instant lastAttemptAt,
                                 Instant deliveredAt) {}

    private final MongoCollection<Document> deliveries;

    public DeliveryStore(MongoTemplate mongo) {
        this.deliveries = mongo.getCollection(COLLECTION);
    }

    /** The deliveries of each of these alerts, oldest first; alerts with none are absent. One query for all. */
    public Map<String, List<StoredDelivery>> ofAlerts(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        return deliveries.find(Filters.in("alertId", alertIds)).sort(Sorts.ascending("createdAt", "_id"))
                .into(new ArrayList<>()).stream()
                .collect(Collectors.groupingBy(d -> d.getString("alertId"), LinkedHashMap::new, Collectors.mapping(d ->
                        new StoredDelivery(d.getString("notice"), d.getString("channel"), d.getString("state"),
                                d.getInteger("attempts", 0), Bson.instant(d, "lastAttemptAt"), Bson.instant(d, "deliveredAt")),
                        Collectors.toList())));
    }
}
