package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.caseclock.events.out.Scope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The collection {@code audit_log}: one document for every read of a child-level list, and every
 * refused attempt at one: {@code sub} (who, from the token; {@code anonymous} with security off),
 * {@code at}, {@code scope}, {@code endpoint}, {@code code} (the indicator, where the endpoint has
 * one) and {@code allowed}. Written before the list is answered, so no list goes out unrecorded.
 */
@Component
public class AuditLog {

    public static final String COLLECTION = "audit_log";

    private final MongoCollection<Document> log;

    public AuditLog(MongoTemplate mongo) {
        this.log = mongo.getCollection(COLLECTION);
        log.createIndex(Indexes.ascending("sub", "at"));
        log.createIndex(Indexes.ascending("scope", "at"));
    }

    public void listRead(String sub, Instant at, Scope scope, String endpoint, String code, boolean allowed) {
        log.insertOne(new Document("sub", sub)
                .append("at", Date.from(at))
                .append("scope", scope.toString())
                .append("endpoint", endpoint)
                .append("code", code)
                .append("allowed", allowed));
    }
}
