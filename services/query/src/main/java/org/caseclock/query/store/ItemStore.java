package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Scope;
import org.caseclock.events.out.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code compliance-items} as the collection {@code items}, and the lists read from it. The
 * overdue lists and the items at risk are kept as keyed lists ({@link ItemLists}) and read by id,
 * never by a query over {@code items}; a code's own list is a query over the indexes below.
 */
@Component
public class ItemStore {

    public static final String COLLECTION = "items";

    /**
     * Not a status of any item but a list (v1.1): the items at risk, each listed with its own
     * status; see {@link #atRisk}.
     */
    public static final String AT_RISK = "AT_RISK";

    /** The collection of the keyed lists (see {@link ItemLists}). */
    public static final String LISTS = ItemLists.COLLECTION;

    private final MongoCollection<Document> items;
    private final Materialised<ComplianceItem> materialised;
    private final ItemLists lists;

    public ItemStore(MongoTemplate mongo, Catalogue catalogue) {
        this.items = mongo.getCollection(COLLECTION);
        this.materialised = new Materialised<>(items, ItemStore::toDocument, ItemStore::of);
        this.lists = new ItemLists(mongo.getCollection(LISTS), catalogue);
        // A code's list in a scope (live and by month); the status one for the overdue gauge.
        for (String scopeField : List.of("team", "service")) {
            index(Indexes.ascending("code", scopeField, "status", "due"));
            index(Indexes.ascending("code", scopeField, "period"));
        }
        index(Indexes.ascending("code", "status", "due"));
        index(Indexes.ascending("code", "period"));
        index(Indexes.ascending("status", "due"));
        lists.buildOnce(items);
    }

    private void index(Bson keys) {
        items.createIndex(keys, new IndexOptions());
    }

    /** The lists first, then the items: see {@link ItemLists} for why that order is safe to replay. */
    public List<Materialised.Change<ComplianceItem>> apply(List<Materialised.Write<ComplianceItem>> writes) {
        List<Materialised.Change<ComplianceItem>> changes = materialised.changes(writes);
        lists.update(changes);
        materialised.write(writes);
        return changes;
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
     * {@code today} but overdue by the last instant of today's month if nothing is done
     * (RECURRING: IN_TIME or DUE_SOON and due before the month's last date; MILESTONE: PENDING,
     * of whatever month, with its deadline before the month's last instant, or its due date before
     * the month's last date). Other kinds have none: null.
     */
    public List<ComplianceItem> atRisk(String code, Indicator.Kind kind, Scope scope, LocalDate today) {
        if (!hasAtRisk(kind)) {
            return null;
        }
        YearMonth month = YearMonth.from(today);
        String list = ItemLists.atRisk(code, scope);
        Map<String, String> entryByKey = new HashMap<>();
        for (String entry : lists.entries(list)) {
            if (ItemLists.atRiskBy(entry, month)) {
                entryByKey.put(ItemLists.keyOf(entry), entry);
            }
        }
        return listed(list, entryByKey);
    }

    /**
     * How many {@link #atRisk} lists for each code of {@code indicators} that has any kind of risk
     * (null for the others), from the lists alone, in one read.
     */
    public Map<String, Long> countsAtRisk(List<Indicator> indicators, Scope scope, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        List<Indicator> withRisk = indicators.stream().filter(i -> hasAtRisk(i.kind())).toList();
        Map<String, List<String>> entries = lists.entries(withRisk.stream().map(i -> ItemLists.atRisk(i.code(), scope)).toList());
        Map<String, Long> counts = new HashMap<>();
        for (Indicator i : withRisk) {
            counts.put(i.code(), entries.getOrDefault(ItemLists.atRisk(i.code(), scope), List.of()).stream()
                    .filter(e -> ItemLists.atRiskBy(e, month)).count());
        }
        return counts;
    }

    private static boolean hasAtRisk(Indicator.Kind kind) {
        return kind == Indicator.Kind.RECURRING || kind == Indicator.Kind.MILESTONE;
    }

    /** Every OVERDUE and DUE_SOON item of the scope, across codes. */
    public List<ComplianceItem> overdueAndDueSoon(Scope scope) {
        String list = ItemLists.overdue(scope);
        Map<String, String> entryByKey = new HashMap<>();
        lists.entries(list).forEach(key -> entryByKey.put(key, key));
        return listed(list, entryByKey);
    }

    /**
     * The items under the keys, read by id, that the list still names as they are stored (a list
     * can be a step ahead of the items it names while a batch is applied).
     */
    private List<ComplianceItem> listed(String list, Map<String, String> entryByKey) {
        List<ComplianceItem> found = new ArrayList<>();
        if (entryByKey.isEmpty()) {
            return found;
        }
        for (Document d : items.find(Filters.in("_id", entryByKey.keySet()))) {
            String key = d.getString("_id");
            ComplianceItem item = of(d);
            if (lists.entriesOf(key, item).contains(new ItemLists.Entry(list, entryByKey.get(key)))) {
                found.add(item);
            }
        }
        return found;
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
    static Document toDocument(ComplianceItem i, String key) {
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

    static ComplianceItem of(Document d) {
        return new ComplianceItem(d.getString("subject"), d.getString("code"), d.getString("itemId"),
                Status.valueOf(d.getString("status")), d.getString("team"), d.getString("service"), d.getString("worker"),
                BsonValues.localDate(d, "entryDate"), BsonValues.localDate(d, "lastActivity"), BsonValues.localDate(d, "due"),
                BsonValues.instant(d, "deadline"), BsonValues.localDate(d, "refDate"), BsonValues.yearMonth(d, "period"),
                BsonValues.nullableNumber(d, "days"), BsonValues.instant(d, "updatedAt"));
    }
}
