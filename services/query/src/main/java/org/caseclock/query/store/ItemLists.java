package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Scope;
import org.caseclock.events.out.Status;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.caseclock.catalogue.time.London;
import org.caseclock.query.store.Materialised.Change;

/**
 * The lists that must answer without scanning {@code items}: the overdue list of a scope and the
 * items of a code at risk in a scope, each one document of the collection {@code itemLists}
 * under its own id, holding the keys of its items. A list is then one read by id and its items
 * one read of ids: keyed reads on MongoDB and on the embedded stand-in alike (which ignores
 * non-unique indexes and scans for anything else).
 *
 * <ul>
 * <li>{@code overdue|<scope>}: the items OVERDUE or DUE_SOON in the scope; entries are item keys.</li>
 * <li>{@code atRisk|<code>|<scope>}: the items that are at risk from a month on while their status
 * stays (see {@link #atRiskFrom}); entries are {@code <YYYY-MM>|<item key>}, that month and the key,
 * so the items at risk in a month, and how many, are read from the list alone.</li>
 * </ul>
 *
 * Kept by the projection: {@link #update} runs before the items are written, and both are
 * idempotent (a set's add and remove), so a batch read again after a crash between the two gives
 * the same lists. Between them, a list may name an item not yet written as it says; readers keep
 * only the items whose own entries are in the list, so a list never shows an item it should not.
 */
final class ItemLists {

    static final String COLLECTION = "itemLists";
    private static final String ENTRIES = "keys";
    /** Marks lists built from the items already stored (see {@link #buildOnce}). */
    private static final String BUILT = "built-from-items";

    /** One entry of one list. */
    record Entry(String list, String value) {}

    private final MongoCollection<Document> lists;
    private final Catalogue catalogue;

    ItemLists(MongoCollection<Document> lists, Catalogue catalogue) {
        this.lists = lists;
        this.catalogue = catalogue;
    }

    static String overdue(Scope scope) {
        return "overdue|" + scope;
    }

    static String atRisk(String code, Scope scope) {
        return "atRisk|" + code + "|" + scope;
    }

    /** The entries the item under {@code key} has in every list; none for none (a tombstone). */
    Set<Entry> entriesOf(String key, ComplianceItem item) {
        if (item == null) {
            return Set.of();
        }
        List<Scope> scopes = new ArrayList<>(3);
        scopes.add(Scope.LA);
        if (item.team() != null) {
            scopes.add(Scope.team(item.team()));
        }
        if (item.service() != null) {
            scopes.add(Scope.service(item.service()));
        }
        Set<Entry> entries = new HashSet<>();
        boolean overdue = item.status() == Status.OVERDUE || item.status() == Status.DUE_SOON;
        YearMonth atRiskFrom = atRiskFrom(item);
        for (Scope scope : scopes) {
            if (overdue) {
                entries.add(new Entry(overdue(scope), key));
            }
            if (atRiskFrom != null) {
                entries.add(new Entry(atRisk(item.code(), scope), atRiskFrom + "|" + key));
            }
        }
        return entries;
    }

    /**
     * The first month at whose end the item is overdue if nothing is done, while its status stays
     * (INDICATORS.md, "Projected month end"); null for an item never at risk as it stands. An
     * item at risk in a month is at risk in every later one. RECURRING: IN_TIME or DUE_SOON,
     * at risk in the month of its due date, or the next when due on the month's last date (it is
     * overdue only from the day after). MILESTONE: PENDING, in the London month of its deadline
     * (an hour deadline), else by its due date as RECURRING.
     */
    private YearMonth atRiskFrom(ComplianceItem item) {
        Indicator.Kind kind = catalogue.contains(item.code()) ? catalogue.get(item.code()).kind() : null;
        if (kind == Indicator.Kind.RECURRING
                && (item.status() == Status.IN_TIME || item.status() == Status.DUE_SOON)) {
            return byDue(item.due());
        }
        if (kind == Indicator.Kind.MILESTONE && item.status() == Status.PENDING) {
            return item.deadline() != null ? London.month(item.deadline()) : byDue(item.due());
        }
        return null;
    }

    private static YearMonth byDue(LocalDate due) {
        if (due == null) {
            return null;
        }
        YearMonth month = YearMonth.from(due);
        return due.equals(month.atEndOfMonth()) ? month.plusMonths(1) : month;
    }

    /** Whether an at-risk entry is for {@code month} or before (at risk then). */
    static boolean atRiskBy(String entry, YearMonth month) {
        return entry.substring(0, 7).compareTo(month.toString()) <= 0;
    }

    /** The item key of an at-risk entry. */
    static String keyOf(String atRiskEntry) {
        return atRiskEntry.substring(8);
    }

    /** What the changes do to the lists, as one add and one remove per list touched. */
    void update(List<Change<ComplianceItem>> changes) {
        Map<String, Set<String>> adds = new LinkedHashMap<>();
        Map<String, Set<String>> removes = new LinkedHashMap<>();
        for (Change<ComplianceItem> change : changes) {
            Set<Entry> before = entriesOf(change.key(), change.before());
            Set<Entry> after = entriesOf(change.key(), change.after());
            for (Entry e : before) {
                if (!after.contains(e)) {
                    move(e, removes, adds);
                }
            }
            for (Entry e : after) {
                if (!before.contains(e)) {
                    move(e, adds, removes);
                }
            }
        }
        List<WriteModel<Document>> models = new ArrayList<>();
        removes.forEach((list, values) -> {
            if (!values.isEmpty()) {
                models.add(new UpdateOneModel<>(Filters.eq("_id", list), Updates.pullAll(ENTRIES, List.copyOf(values))));
            }
        });
        adds.forEach((list, values) -> {
            if (!values.isEmpty()) {
                models.add(new UpdateOneModel<>(Filters.eq("_id", list), Updates.addEachToSet(ENTRIES, List.copyOf(values)),
                        new UpdateOptions().upsert(true)));
            }
        });
        if (!models.isEmpty()) {
            lists.bulkWrite(models);
        }
    }

    /** The last change of an entry in a batch wins: into {@code to}, out of {@code from}. */
    private static void move(Entry e, Map<String, Set<String>> to, Map<String, Set<String>> from) {
        Set<String> undone = from.get(e.list());
        if (undone != null) {
            undone.remove(e.value());
        }
        to.computeIfAbsent(e.list(), l -> new LinkedHashSet<>()).add(e.value());
    }

    /** The entries of each list asked for that has any, in one read by ids. */
    Map<String, List<String>> entries(Collection<String> ids) {
        Map<String, List<String>> found = new HashMap<>();
        for (Document d : lists.find(Filters.in("_id", ids))) {
            found.put(d.getString("_id"), d.getList(ENTRIES, String.class, List.of()));
        }
        return found;
    }

    List<String> entries(String id) {
        return entries(List.of(id)).getOrDefault(id, List.of());
    }

    /**
     * Lists made before this collection existed (an older version's MongoDB) are built once from
     * the items stored, in one pass; from then on the projection keeps them.
     */
    void buildOnce(MongoCollection<Document> items) {
        if (lists.find(Filters.eq("_id", BUILT)).first() != null) {
            return;
        }
        List<Change<ComplianceItem>> all = new ArrayList<>();
        for (Document d : items.find()) {
            all.add(new Change<>(d.getString("_id"), null, ItemStore.of(d)));
            if (all.size() == 1000) {
                update(all);
                all.clear();
            }
        }
        update(all);
        lists.updateOne(Filters.eq("_id", BUILT), Updates.set("built", true), new UpdateOptions().upsert(true));
    }
}
