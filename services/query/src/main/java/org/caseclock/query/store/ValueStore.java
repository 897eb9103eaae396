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
import org.caseclock.events.out.IndicatorValue;
import org.caseclock.events.out.Scope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code indicator-values} as the collection {@code indicatorValues}: month values by code, scope and month. The record
 * is the output contract's ({@link IndicatorValue}); only its MongoDB mapping is here.
 */
@Component
public class ValueStore {

    public static final String COLLECTION = "indicatorValues";

    private final MongoCollection<Document> values;
    private final Materialised<IndicatorValue> materialised;

    public ValueStore(MongoTemplate mongo) {
        this.values = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(values, ValueStore::toDocument, ValueStore::of);
        // A scope's scorecard (every code, two months) and one code's trend.
        values.createIndex(Indexes.ascending("scope", "period"));
        values.createIndex(Indexes.ascending("code", "scope", "period"));
    }

    public List<Materialised.Change<IndicatorValue>> apply(List<Materialised.Write<IndicatorValue>> writes) {
        return materialised.apply(writes);
    }

    /** Every code's value in the scope for the given months. */
    public List<IndicatorValue> ofScope(Scope scope, Collection<YearMonth> months) {
        return find(Filters.and(Filters.eq("scope", scope.toString()),
                Filters.in("period", months.stream().map(YearMonth::toString).toList())));
    }

    /** The values of {@code codes} in the scope from {@code first} to {@code last}, both included. */
    public List<IndicatorValue> months(Collection<String> codes, Scope scope, YearMonth first, YearMonth last) {
        return find(Filters.and(Filters.in("code", codes), Filters.eq("scope", scope.toString()),
                Filters.gte("period", first.toString()), Filters.lte("period", last.toString())));
    }

    private List<IndicatorValue> find(Bson filter) {
        List<IndicatorValue> found = new ArrayList<>();
        for (Document d : values.find(filter)) {
            found.add(of(d));
        }
        return found;
    }

    private static Document toDocument(IndicatorValue v, String key) {
        return new Document("_id", key)
                .append("code", v.code())
                .append("scope", v.scope())
                .append("period", v.period())
                .append("numerator", v.numerator())
                .append("denominator", v.denominator())
                .append("firstReportedNumerator", v.firstReportedNumerator())
                .append("firstReportedDenominator", v.firstReportedDenominator())
                .append("projectedNumerator", v.projectedNumerator())
                .append("projectedDenominator", v.projectedDenominator())
                .append("updatedAt", BsonValues.date(v.updatedAt()));
    }

    private static IndicatorValue of(Document d) {
        return new IndicatorValue(d.getString("code"), d.getString("scope"), d.getString("period"),
                BsonValues.number(d, "numerator"), BsonValues.number(d, "denominator"),
                BsonValues.nullableNumber(d, "firstReportedNumerator"), BsonValues.nullableNumber(d, "firstReportedDenominator"),
                BsonValues.nullableNumber(d, "projectedNumerator"), BsonValues.nullableNumber(d, "projectedDenominator"),
                BsonValues.instant(d, "updatedAt"));
    }
}
