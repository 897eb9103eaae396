package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** {@code compliance-items} as the collection {@code items}, and the lists read from it. */
@Component
public class ItemStore {

    public static final String COLLECTION = "items";

    public static final String OVERDUE = "OVERDUE";
    public static final String DUE_SOON = "DUE_SOON";
    public static final String PENDING = "PENDING";

    private final MongoCollection<Document> items;
    private final Materialised<StoredItem> materialised;

    public ItemStore(MongoTemplate mongo) {
        this.items = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(items, StoredItem::toDocument, StoredItem::of);
        // One index per list: a code's list in a scope, and the overdue list across codes.
        for (String scopeField : List.of("team", "service")) {
            index(Indexes.ascending("code", scopeField, "status", "due"));
            index(Indexes.ascending("code", scopeField, "period"));
            index(Indexes.ascending(scopeField, "status", "due"));
        }
        index(Indexes.ascending("code", "status", "due"));
        index(Indexes.ascending("code", "period"));
        index(Indexes.ascending("status", "due"));
    }

    private void index(Bson keys) {
        items.createIndex(keys, new IndexOptions());
    }

    public List<Materialised.Change<StoredItem>> apply(List<Materialised.Write<StoredItem>> writes) {
        return materialised.apply(writes);
    }

    /**
     * The live list of a code: snapshot items (no period), open MILESTONE items (OVERDUE,
     * PENDING) whatever their month, and the period items counting in the current month (an
     * AVERAGE's from the {@code windowMonths} ending with it, every other code's from it alone).
     */
    public List<StoredItem> live(String code, Scope scope, String status, YearMonth currentMonth, int windowMonths) {
        return find(Filters.and(Filters.eq("code", code), scopeFilter(scope), statusFilter(status),
                Filters.or(Filters.eq("period", null), inWindow(currentMonth, windowMonths),
                        Filters.in("status", OVERDUE, PENDING))));
    }

    /** A code's items that count in {@code period}. */
    public List<StoredItem> inPeriod(String code, Scope scope, String status, YearMonth period, int windowMonths) {
        return find(Filters.and(Filters.eq("code", code), scopeFilter(scope), statusFilter(status),
                inWindow(period, windowMonths)));
    }

    /** Months as YYYY-MM sort as text, so a window is a range. */
    private static Bson inWindow(YearMonth last, int windowMonths) {
        return Filters.and(Filters.gte("period", last.minusMonths(windowMonths - 1L).toString()),
                Filters.lte("period", last.toString()));
    }

    /** Every OVERDUE and DUE_SOON item of the scope, across codes. */
    public List<StoredItem> overdueAndDueSoon(Scope scope) {
        return find(Filters.and(scopeFilter(scope), Filters.in("status", OVERDUE, DUE_SOON)));
    }

    private List<StoredItem> find(Bson filter) {
        List<StoredItem> found = new ArrayList<>();
        for (Document d : items.find(filter)) {
            found.add(StoredItem.of(d));
        }
        return found;
    }

    private static Bson statusFilter(String status) {
        return status == null ? Filters.empty() : Filters.eq("status", status);
    }

    private static Bson scopeFilter(Scope scope) {
        return switch (scope.level()) {
            case LA -> Filters.empty();
            case SERVICE -> Filters.eq("service", scope.id());
            case TEAM -> Filters.eq("team", scope.id());
        };
    }
}
