package org.caseclock.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Scope;
import org.caseclock.events.out.Status;
import org.caseclock.query.store.Materialised.Write;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The overdue lists and the items at risk are keyed lists: read by id, kept by the projection,
 * built once from items stored before them. Dates worked out by hand; December in London is UTC.
 */
class ItemListsTest {

    private static final Catalogue CATALOGUE = Catalogue.defaults();
    private static final Scope LA = Scope.parse("LA");
    private static final Scope T1 = Scope.parse("team/T1");
    private static final Scope T2 = Scope.parse("team/T2");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    /**
     * Every command sent that reads the items collection: for a find, the fields its filter names;
     * for a count or an aggregation, its name (they are never keyed reads).
     */
    private final List<List<String>> itemReads = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent e) {
                BsonDocument c = e.getCommand();
                // Copied here: the command's document is only valid during the call.
                for (String read : List.of("find", "count", "aggregate")) {
                    if (c.containsKey(read) && ItemStore.COLLECTION.equals(c.getString(read).getValue())) {
                        itemReads.add(read.equals("find") ? List.copyOf(c.getDocument("filter").keySet()) : List.of(read));
                    }
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener).build());
        mongo = new MongoTemplate(client, "caseclock");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static ComplianceItem recurring(String subject, String status, String team, String due) {
        return new ComplianceItem(subject, "CIN4", "visit", Status.valueOf(status), team, "FAM", "W1", LocalDate.parse("2026-10-01"), null,
                LocalDate.parse(due), null, null, null, null, Instant.parse("2026-12-07T09:00:00Z"));
    }

    private static ComplianceItem milestone(String subject, String status, String deadline) {
        return new ComplianceItem(subject, "MC6", "M1", Status.valueOf(status), "T1", "FAM", "W1", LocalDate.parse("2026-12-01"), null,
                LocalDate.parse(deadline.substring(0, 10)), Instant.parse(deadline), null, null, null,
                Instant.parse("2026-12-07T09:00:00Z"));
    }

    private static Write<ComplianceItem> write(ComplianceItem item) {
        return new Write<>(item.code() + "|" + item.subject() + "|" + item.itemId(), item);
    }

    private static List<String> subjects(List<ComplianceItem> items) {
        return items.stream().map(ComplianceItem::subject).sorted().toList();
    }

    private Long atRisk(ItemStore store, String code, Scope scope, String today) {
        return store.countsAtRisk(List.of(CATALOGUE.get(code)), scope, LocalDate.parse(today)).get(code);
    }

    @Test
    void givenOverdueAndDueSoonItemsOfTwoTeams_whenATeamsOverdueListIsAsked_thenItIsReadByIdsWithNoQueryOverTheItems() {
        // Given two of T1's items overdue or due soon, one of T1's in time and one of T2's overdue
        ItemStore store = new ItemStore(mongo, CATALOGUE);
        store.apply(List.of(write(recurring("child/C1", "OVERDUE", "T1", "2026-11-30")),
                write(recurring("child/C2", "DUE_SOON", "T1", "2026-12-09")),
                write(recurring("child/C3", "IN_TIME", "T1", "2026-12-28")),
                write(recurring("child/C4", "OVERDUE", "T2", "2026-12-01"))));
        itemReads.clear();

        // When T1's and the authority's overdue lists are asked
        List<ComplianceItem> t1 = store.overdueAndDueSoon(T1);
        List<ComplianceItem> la = store.overdueAndDueSoon(LA);

        // Then they hold exactly the OVERDUE and DUE_SOON items of their scope
        assertThat(subjects(t1)).containsExactly("child/C1", "child/C2");
        assertThat(subjects(la)).containsExactly("child/C1", "child/C2", "child/C4");
        // And every read of the items was by their ids alone (a keyed read, on the stand-in too)
        assertThat(itemReads).containsExactly(List.of("_id"), List.of("_id"));
    }

    @Test
    void givenAnOverdueItem_whenItBecomesInTimeOrMovesTeam_thenTheListsFollowIt() {
        ItemStore store = new ItemStore(mongo, CATALOGUE);
        store.apply(List.of(write(recurring("child/C1", "OVERDUE", "T1", "2026-11-30")),
                write(recurring("child/C2", "OVERDUE", "T1", "2026-11-30"))));

        // When C1 is visited (IN_TIME again) and C2's case moves to T2, in one batch
        store.apply(List.of(write(recurring("child/C1", "IN_TIME", "T1", "2026-12-28")),
                write(recurring("child/C2", "OVERDUE", "T2", "2026-11-30"))));

        // Then C1 is on no overdue list, and C2 is on T2's, not T1's
        assertThat(store.overdueAndDueSoon(T1)).isEmpty();
        assertThat(subjects(store.overdueAndDueSoon(T2))).containsExactly("child/C2");
        assertThat(subjects(store.overdueAndDueSoon(LA))).containsExactly("child/C2");

        // And when C2's item goes (a tombstone), it leaves every list
        store.apply(List.of(new Write<>(write(recurring("child/C2", "OVERDUE", "T2", "2026-11-30")).key(), null)));
        assertThat(store.overdueAndDueSoon(T2)).isEmpty();
        assertThat(store.overdueAndDueSoon(LA)).isEmpty();
    }

    @Test
    void givenRecurringItemsDueOnAndBeforeTheMonthsLastDate_thenOnlyThoseDueBeforeItAreAtRiskThatMonth() {
        // Given CIN4 visits in time, due Wed 30 Dec 2026 (overdue from Thu 31 Dec), Thu 31 Dec 2026
        // (overdue only from Fri 1 Jan 2027) and Fri 8 Jan 2027; and one already overdue
        ItemStore store = new ItemStore(mongo, CATALOGUE);
        store.apply(List.of(write(recurring("child/C1", "IN_TIME", "T1", "2026-12-30")),
                write(recurring("child/C2", "DUE_SOON", "T1", "2026-12-31")),
                write(recurring("child/C3", "IN_TIME", "T1", "2027-01-08")),
                write(recurring("child/C4", "OVERDUE", "T1", "2026-12-01"))));

        // Then on Mon 7 Dec 2026 only C1 is at risk by December's end
        assertThat(atRisk(store, "CIN4", T1, "2026-12-07")).isEqualTo(1);
        assertThat(subjects(store.atRisk("CIN4", Indicator.Kind.RECURRING, T1, LocalDate.parse("2026-12-07"))))
                .containsExactly("child/C1");
        // And on Mon 4 Jan 2027 (C1 and C2 still in time, as stored) all three are, by January's end
        assertThat(atRisk(store, "CIN4", LA, "2027-01-04")).isEqualTo(3);
        assertThat(atRisk(store, "CIN4", T2, "2026-12-07")).isZero();
    }

    @Test
    void givenPendingMilestones_thenThoseWithADeadlineBeforeTheMonthsLastInstantAreAtRisk() {
        // Given MC6 return interviews pending, deadlines Thu 31 Dec 2026 23:30 and Fri 1 Jan 2027 00:00 (London = UTC)
        ItemStore store = new ItemStore(mongo, CATALOGUE);
        store.apply(List.of(write(milestone("child/C1", "PENDING", "2026-12-31T23:30:00Z")),
                write(milestone("child/C2", "PENDING", "2027-01-01T00:00:00Z")),
                write(milestone("child/C3", "OVERDUE", "2026-12-02T08:00:00Z"))));

        // Then on 7 Dec 2026 only C1 is at risk by month end; W1 (a count of workers) has no such thing
        assertThat(atRisk(store, "MC6", LA, "2026-12-07")).isEqualTo(1);
        assertThat(store.countsAtRisk(List.of(CATALOGUE.get("W1")), LA, LocalDate.parse("2026-12-07"))).isEqualTo(Map.of());
        assertThat(store.atRisk("W1", CATALOGUE.get("W1").kind(), LA, LocalDate.parse("2026-12-07"))).isNull();
    }

    @Test
    void givenItemsStoredBeforeTheListsExisted_whenTheStoreStarts_thenTheListsAreBuiltFromThem() {
        // Given an older version's items collection, with no lists beside it
        ComplianceItem overdue = recurring("child/C1", "OVERDUE", "T1", "2026-11-30");
        mongo.getCollection(ItemStore.COLLECTION).insertOne(ItemStore.toDocument(overdue, write(overdue).key()));

        // When the store starts
        ItemStore store = new ItemStore(mongo, CATALOGUE);

        // Then its lists hold the items
        assertThat(subjects(store.overdueAndDueSoon(T1))).containsExactly("child/C1");
    }

    @Test
    void givenABatchWhoseListsWereWrittenButNotItsItems_whenItIsAppliedAgain_thenListsAndItemsAreAsIfOnce() {
        ItemStore store = new ItemStore(mongo, CATALOGUE);
        Write<ComplianceItem> overdue = write(recurring("child/C1", "OVERDUE", "T1", "2026-11-30"));
        store.apply(List.of(overdue));
        Write<ComplianceItem> visited = write(recurring("child/C1", "IN_TIME", "T1", "2026-12-28"));
        // Given a crash after the lists were updated for C1's visit, before the item was written
        ItemLists lists = new ItemLists(mongo.getCollection(ItemStore.LISTS), CATALOGUE);
        lists.update(new Materialised<>(mongo.getCollection(ItemStore.COLLECTION), ItemStore::toDocument, ItemStore::of)
                .changes(List.of(visited)));
        // (meanwhile the list no longer shows C1, though its stored item is still OVERDUE)
        assertThat(store.overdueAndDueSoon(T1)).isEmpty();

        // When the batch is read again and applied
        store.apply(List.of(visited));

        // Then C1 is off the overdue list and on the at-risk one, as if applied once
        assertThat(store.overdueAndDueSoon(T1)).isEmpty();
        assertThat(atRisk(store, "CIN4", T1, "2026-12-07")).isEqualTo(1);
    }
}
