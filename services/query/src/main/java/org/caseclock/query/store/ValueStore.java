package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** {@code indicator-values} as the collection {@code indicatorValues}: month values by code, scope and month. */
@Component
public class ValueStore {

    public static final String COLLECTION = "indicatorValues";

    private final MongoCollection<Document> values;
    private final Materialised<StoredValue> materialised;

    public ValueStore(MongoTemplate mongo) {
        this.values = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(values, StoredValue::toDocument, StoredValue::of);
        // A scope's scorecard (every code, two months) and one code's trend.
        values.createIndex(Indexes.ascending("scope", "period"));
        values.createIndex(Indexes.ascending("code", "scope", "period"));
    }

    public List<Materialised.Change<StoredValue>> apply(List<Materialised.Write<StoredValue>> writes) {
        return materialised.apply(writes);
    }

    /** Every code's value in the scope for the given months. */
    public List<StoredValue> ofScope(Scope scope, Collection<YearMonth> months) {
        return find(Filters.and(Filters.eq("scope", scope.toString()),
                Filters.in("period", months.stream().map(YearMonth::toString).toList())));
    }

    /** The values of {@code codes} in the scope from {@code first} to {@code last}, both included. */
    public List<StoredValue> months(Collection<String> codes, Scope scope, YearMonth first, YearMonth last) {
        return find(Filters.and(Filters.in("code", codes), Filters.eq("scope", scope.toString()),
                Filters.gte("period", first.toString()), Filters.lte("period", last.toString())));
    }

    private List<StoredValue> find(Bson filter) {
        List<StoredValue> found = new ArrayList<>();
        for (Document d : values.find(filter)) {
            found.add(StoredValue.of(d));
        }
        return found;
    }
}
