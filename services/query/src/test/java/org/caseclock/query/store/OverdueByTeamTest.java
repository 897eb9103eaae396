package org.caseclock.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class OverdueByTeamTest {

    private static final String METER = "caseclock.query.items.overdue";

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "caseclock");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void item(String key, String team, String status) {
        mongo.getCollection(ItemStore.COLLECTION).insertOne(new Document("_id", key).append("team", team).append("status", status));
    }

    private double overdue(String team) {
        return registry.get(METER).tag("team", team).gauge().value();
    }

    @Test
    void countsOverdueItemsPerTeamAndDropsTeamsWithNoneLeft() {
        OverdueByTeam gauge = new OverdueByTeam(mongo, registry);
        item("a", "FAM-1", "OVERDUE");
        item("b", "FAM-1", "OVERDUE");
        item("c", "FAM-1", "DUE_SOON");
        item("d", "CLA-1", "OVERDUE");
        item("e", "UNALLOCATED", "OVERDUE");
        item("f", "LC-1", "ON_TRACK");

        gauge.count();

        assertThat(overdue("FAM-1")).isEqualTo(2);
        assertThat(overdue("CLA-1")).isEqualTo(1);
        assertThat(overdue("UNALLOCATED")).isEqualTo(1);
        assertThat(registry.find(METER).tag("team", "LC-1").gauge()).isNull();

        mongo.getCollection(ItemStore.COLLECTION).deleteOne(new Document("_id", "d"));
        gauge.count();

        assertThat(registry.find(METER).tag("team", "CLA-1").gauge()).isNull();
        assertThat(overdue("FAM-1")).isEqualTo(2);
    }
}
