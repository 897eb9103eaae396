package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.caseclock.catalogue.Organisation;
import org.caseclock.events.out.Alert;
import org.caseclock.events.out.Scope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code alerts} as the collection {@code alerts}, latest state per alert. Alerts carry a team but
 * no service, so a service's alerts are those of its teams in the organisation configuration. The record is the output
 * contract's ({@link Alert}); only its MongoDB mapping is here.
 */
@Component
public class AlertStore {

    public static final String COLLECTION = "alerts";

    private final MongoCollection<Document> alerts;
    private final Materialised<Alert> materialised;
    private final Organisation organisation;

    public AlertStore(MongoTemplate mongo, Organisation organisation) {
        this.alerts = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(alerts, AlertStore::toDocument, AlertStore::of);
        this.organisation = organisation;
        alerts.createIndex(Indexes.ascending("team", "state", "raisedAt"));
        alerts.createIndex(Indexes.ascending("state", "raisedAt"));
    }

    public List<Materialised.Change<Alert>> apply(List<Materialised.Write<Alert>> writes) {
        return materialised.apply(writes);
    }

    /** The scope's alerts, in {@code state} if given, newest first. */
    public List<Alert> find(Scope scope, Alert.State state) {
        Bson filter = Filters.and(scopeFilter(scope), state == null ? Filters.empty() : Filters.eq("state", state.name()));
        List<Alert> found = new ArrayList<>();
        for (Document d : alerts.find(filter).sort(Sorts.orderBy(Sorts.descending("raisedAt"), Sorts.ascending("_id")))) {
            found.add(of(d));
        }
        return found;
    }

    private Bson scopeFilter(Scope scope) {
        return switch (scope.level()) {
            case LA -> Filters.empty();
            case TEAM -> Filters.eq("team", scope.id());
            case SERVICE -> {
                Map<String, String> teams = organisation.serviceOfTeam();
                List<String> ofService = teams.entrySet().stream()
                        .filter(e -> e.getValue().equals(scope.id())).map(Map.Entry::getKey).toList();
                // Teams missing from the configuration count under the UNASSIGNED service.
                yield Organisation.UNASSIGNED_SERVICE.equals(scope.id())
                        ? Filters.or(Filters.in("team", ofService), Filters.nin("team", teams.keySet()))
                        : Filters.in("team", ofService);
            }
        };
    }

    private static Document toDocument(Alert a, String key) {
        return new Document("_id", key)
                .append("id", a.id())
                .append("code", a.code())
                .append("subject", a.subject())
                .append("itemId", a.itemId())
                .append("team", a.team())
                .append("worker", a.worker())
                .append("raisedAt", BsonValues.date(a.raisedAt()))
                .append("due", BsonValues.text(a.due()))
                .append("deadline", BsonValues.date(a.deadline()))
                .append("state", a.state().name())
                .append("resolvedAt", BsonValues.date(a.resolvedAt()));
    }

    private static Alert of(Document d) {
        return new Alert(d.getString("id"), d.getString("code"), d.getString("subject"), d.getString("itemId"),
                d.getString("team"), d.getString("worker"), BsonValues.instant(d, "raisedAt"), BsonValues.localDate(d, "due"),
                BsonValues.instant(d, "deadline"), Alert.State.valueOf(d.getString("state")), BsonValues.instant(d, "resolvedAt"));
    }
}
