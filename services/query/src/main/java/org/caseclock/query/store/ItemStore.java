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
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Scope;
import org.caseclock.events.out.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code compliance-items} as the collection {@code items}, and the lists read from it. The record is the output
 * contract's ({@link ComplianceItem}); only its MongoDB mapping is here.
 */
@Component
public class ItemStore {

    public static final String COLLECTION = "items";

    /**
     * Not a status of any item but a list (v1.1): the items at risk, each listed with its own
     * status; see {@link #atRisk}.
     */
    public static final String AT_RISK = "AT_RISK";

    private final MongoCollection<Document> items;
    private final Materialised<ComplianceItem> materialised;

    public ItemStore(MongoTemplate mongo) {
        this.items = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(items, ItemStore::toDocument, ItemStore::of);
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

    public List<Materialised.Change<ComplianceItem>> apply(List<Materialised.Write<ComplianceItem>> writes) {
        return materialised.apply(writes);
    }

    /**
     * The live list of a code: snapshot items (no period), open MILESTONE items (OVERDUE,
     * PENDING) whatever their month, and the period items counting in the current month (an
     * AVERAGE's from the {@code windowMonths} ending with it, every other code's from it alone).
     */
    public List<ComplianceItem> live(String code, Scope scope, Status status, YearMonth currentMonth, int windowMonths) {
        return find(Filters.and(Filters.eq("code", code), scopeFilter(scope), statusFilter(status),
                Filters.or(Filters.eq("period", null), inWindow(currentMonth, windowMonths),
                        Filters.in("status", Status.OVERDUE.name(), Status.PENDING.name()))));
    }

    /** A code's items that count in {@code period}. */
    public List<ComplianceItem> inPeriod(String code, Scope scope, Status status, YearMonth period, int windowMonths) {
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
    public List<ComplianceItem> atRisk(String code, Indicator.Kind kind, Scope scope, LocalDate today) {
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
            case RECURRING -> Filters.and(of, Filters.in("status", Status.IN_TIME.name(), Status.DUE_SOON.name()), dueBeforeLastDate);
            // Deadlines are kept to the millisecond: before the last instant is before the next month's first.
            case MILESTONE -> Filters.and(of, Filters.eq("status", Status.PENDING.name()), Filters.or(
                    Filters.and(Filters.ne("deadline", null),
                            Filters.lt("deadline", Date.from(London.startOfMonth(month.plusMonths(1))))),
                    Filters.and(Filters.eq("deadline", null), dueBeforeLastDate)));
            default -> null;
        };
    }

    /** Every OVERDUE and DUE_SOON item of the scope, across codes. */
    public List<ComplianceItem> overdueAndDueSoon(Scope scope) {
        return find(Filters.and(scopeFilter(scope), Filters.in("status", Status.OVERDUE.name(), Status.DUE_SOON.name())));
    }

    private List<ComplianceItem> find(Bson filter) {
        List<ComplianceItem> found = new ArrayList<>();
        for (Document d : items.find(filter)) {
            found.add(of(d));
        }
        return found;
    }

    private static Bson statusFilter(Status status) {
        return status == null ? Filters.empty() : Filters.eq("status", status.name());
    }

    private static Bson scopeFilter(Scope scope) {
        return switch (scope.level()) {
            case LA -> Filters.empty();
            case SERVICE -> Filters.eq("service", scope.id());
            case TEAM -> Filters.eq("team", scope.id());
        };
    }

    /** Every field, always, in one order: the same record written twice gives the same document. */
    private static Document toDocument(ComplianceItem i, String key) {
        return new Document("_id", key)
                .append("subject", i.subject())
                .append("code", i.code())
                .append("itemId", i.itemId())
                .append("status", i.status().name())
                .append("team", i.team())
                .append("service", i.service())
                .append("worker", i.worker())
                .append("entryDate", BsonValues.text(i.entryDate()))
                .append("lastActivity", BsonValues.text(i.lastActivity()))
                .append("due", BsonValues.text(i.due()))
                .append("deadline", BsonValues.date(i.deadline()))
                .append("refDate", BsonValues.text(i.refDate()))
                .append("period", BsonValues.text(i.period()))
                .append("days", i.days())
                .append("updatedAt", BsonValues.date(i.updatedAt()));
    }

    private static ComplianceItem of(Document d) {
        return new ComplianceItem(d.getString("subject"), d.getString("code"), d.getString("itemId"),
                Status.valueOf(d.getString("status")), d.getString("team"), d.getString("service"), d.getString("worker"),
                BsonValues.localDate(d, "entryDate"), BsonValues.localDate(d, "lastActivity"), BsonValues.localDate(d, "due"),
                BsonValues.instant(d, "deadline"), BsonValues.localDate(d, "refDate"), BsonValues.yearMonth(d, "period"),
                BsonValues.nullableNumber(d, "days"), BsonValues.instant(d, "updatedAt"));
    }
}
