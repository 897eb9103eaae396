package org.caseclock.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.Set;
import org.bson.Document;

/**
 * The process {@link LocalMongoServerKillTest} kills: starts the stand-in on the file given as
 * the first argument with database {@code kept} on disk, writes one document to {@code kept} and
 * one to {@code gone} (in memory), says {@value #WRITTEN} once both writes are acknowledged, and
 * waits to be killed.
 */
public final class WritesAndWaits {

    static final String WRITTEN = "written";

    private WritesAndWaits() {}

    public static void main(String[] args) throws InterruptedException {
        LocalMongoServer server = LocalMongoServer.onDisk(0, Path.of(args[0]), Set.of("kept"));
        try (MongoClient client = MongoClients.create(server.uri("kept"))) {
            client.getDatabase("kept").getCollection("outbox").insertOne(new Document("_id", "notice-1"));
            client.getDatabase("gone").getCollection("readModel").insertOne(new Document("_id", "item-1"));
            System.out.println(WRITTEN);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
