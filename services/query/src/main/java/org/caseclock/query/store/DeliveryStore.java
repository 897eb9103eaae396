package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.caseclock.events.out.AlertDelivery;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code alert-deliveries} as the collection {@code alertDeliveries}: the latest state of each notice of
 * each alert per channel, as the alerts service publishes it. The record is the output contract's
 * ({@link AlertDelivery}); only its MongoDB mapping is here.
 */
@Component
public class DeliveryStore {

    public static final String COLLECTION = "alertDeliveries";

    private final MongoCollection<Document> deliveries;
    private final Materialised<AlertDelivery> materialised;

    public DeliveryStore(MongoTemplate mongo) {
        this.deliveries = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(deliveries, DeliveryStore::toDocument, DeliveryStore::of);
        deliveries.createIndex(Indexes.ascending("alertId", "createdAt"));
    }

    public List<Materialised.Change<AlertDelivery>> apply(List<Materialised.Write<AlertDelivery>> writes) {
        return materialised.apply(writes);
    }

    /** The deliveries of each of these alerts, oldest first; alerts with none are absent. One query for all. */
    public Map<String, List<AlertDelivery>> ofAlerts(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        return deliveries.find(Filters.in("alertId", alertIds)).sort(Sorts.ascending("createdAt", "_id"))
                .into(new ArrayList<>()).stream().map(DeliveryStore::of)
                .collect(Collectors.groupingBy(AlertDelivery::alertId, LinkedHashMap::new, Collectors.toList()));
    }

    private static Document toDocument(AlertDelivery d, String key) {
        return new Document("_id", key)
                .append("id", d.id())
                .append("deliveryId", d.deliveryId())
                .append("alertId", d.alertId())
                .append("notice", d.notice().name())
                .append("channel", d.channel())
                .append("state", d.state().name())
                .append("attempts", d.attempts())
                .append("createdAt", BsonValues.date(d.createdAt()))
                .append("lastAttemptAt", BsonValues.date(d.lastAttemptAt()))
                .append("deliveredAt", BsonValues.date(d.deliveredAt()));
    }

    private static AlertDelivery of(Document d) {
        return new AlertDelivery(d.getString("id"), d.getString("deliveryId"), d.getString("alertId"),
                AlertDelivery.Notice.valueOf(d.getString("notice")), d.getString("channel"),
                AlertDelivery.State.valueOf(d.getString("state")), d.getInteger("attempts", 0),
                BsonValues.instant(d, "createdAt"), BsonValues.instant(d, "lastAttemptAt"), BsonValues.instant(d, "deliveredAt"));
    }
}
