package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.time.London;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** {@code compliance-items} as the collection {@code items}, and the lists read from it. */
@Component
public class ItemStore {

    public static final String COLLECTION = "items";

    public static final String OVERDUE = "OVERDUE";
    public static final String DUE_SOON = "DUE_SOON";
    public static final String IN_TIME = "IN_TIME";
    public static final String PENDING = "PENDING";
    /**
     * Not a status of any item but a list (v1.1): the items at risk, each listed with its own
     * status; see {@link #atRisk}.
     */
    public static final String AT_RISK = "AT_RISK";

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

    /**
     * The items of a code at risk (INDICATORS.md, "Projected month end"): not overdue on
     * {@code today} but overdue by the last instant of today's month if nothing is done.
     * RECURRING: compliant now (IN_TIME, DUE_SOON) and due before the month's last date (an item
     * due on it is overdue only from the next day); MILESTONE: PENDING now, of whatever month,
     * with its deadline before the month's last instant (an hour deadline), or its due date before
     * the month's last date (a day one). Other kinds have none: null.
     */
    public List<StoredItem> atRisk(String code, Indicator.Kind kind, Scope scope, LocalDate today) {
        Bson filter = atRiskFilter(code, kind, scope, today);
        return filter == null ? null : find(filter);
    }

    /** How many {@link #atRisk} lists, counted in the store; null for kinds that have none. */
    public Long countAtRisk(String code, Indicator.Kind kind, Scope scope, LocalDate today) {
        Bson filter = atRiskFilter(code, kind, scope, today);
        return filter == null ? null : items.countDocuments(filter);
    }

    private static Bson atRiskFilter(String code, Indicator.Kind kind, Scope scope, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        Bson dueBeforeLastDate = Filters.and(Filters.ne("due", null), Filters.lt("due", month.atEndOfMonth().toString()));
        Bson of = Filters.and(Filters.eq("code", code), scopeFilter(scope));
        return switch (kind) {
            case RECURRING -> Filters.and(of, Filters.in("status", IN_TIME, DUE_SOON), dueBeforeLastDate);
            // Deadlines are kept to the millisecond: before the last instant is before the next month's first.
            case MILESTONE -> Filters.and(of, Filters.eq("status", PENDING), Filters.or(
                    Filters.and(Filters.ne("deadline", null),
                            Filters.lt("deadline", Date.from(London.startOfMonth(month.plusMonths(1))))),
                    Filters.and(Filters.eq("deadline", null), dueBeforeLastDate)));
            default -> null;
        };
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
