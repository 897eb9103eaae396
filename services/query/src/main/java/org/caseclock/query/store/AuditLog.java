package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.caseclock.events.out.Scope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The collection {@code audit_log}: one document for every read of a child-level list, and every
 * refused attempt at one: {@code sub} (who, from the token; {@code anonymous} with security off),
 * {@code at}, {@code scope}, {@code endpoint}, {@code code} (the indicator, where the endpoint has
 * one) and {@code allowed}. Written before the list is answered, so no list goes out unrecorded.
 * Kept for {@code caseclock.audit.retention} ({@link AuditProperties}); older entries are not
 * answered, and are deleted every {@code purge-interval}.
 */
@Component
public class AuditLog {

    public static final String COLLECTION = "audit_log";

    /** One entry of the trail, as read back. */
    public record Entry(Instant at, String sub, String scope, String endpoint, String code, boolean allowed) {}

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoCollection<Document> entries;
    private final AuditProperties properties;
    private final Clock clock;

    public AuditLog(MongoTemplate mongo, AuditProperties properties, Clock clock) {
        this.entries = mongo.getCollection(COLLECTION);
        this.properties = properties;
        this.clock = clock;
        entries.createIndex(Indexes.ascending("sub", "at"));
        entries.createIndex(Indexes.ascending("scope", "at"));
        entries.createIndex(Indexes.ascending("at"));
    }

    public void listRead(String sub, Instant at, Scope scope, String endpoint, String code, boolean allowed) {
        entries.insertOne(new Document("sub", sub)
                .append("at", Date.from(at))
                .append("scope", scope.toString())
                .append("endpoint", endpoint)
                .append("code", code)
                .append("allowed", allowed));
    }

    /**
     * The entries from {@code from} (inclusive) to {@code to} (exclusive), of {@code sub} when
     * given, oldest first, at most {@code limit}; none from before the retention reaches back
     * from {@code now}, whether or not the purge has run.
     */
    public List<Entry> read(Instant from, Instant to, String sub, Instant now, int limit) {
        Instant kept = oldestKept(now);
        List<Bson> filters = new ArrayList<>(List.of(
                Filters.gte("at", Date.from(from.isBefore(kept) ? kept : from)),
                Filters.lt("at", Date.from(to))));
        if (sub != null) {
            filters.add(Filters.eq("sub", sub));
        }
        List<Entry> found = new ArrayList<>();
        for (Document d : entries.find(Filters.and(filters)).sort(Sorts.ascending("at")).limit(limit)) {
            found.add(new Entry(d.getDate("at").toInstant(), d.getString("sub"), d.getString("scope"),
                    d.getString("endpoint"), d.getString("code"), d.getBoolean("allowed", false)));
        }
        return found;
    }

    /** Deletes the entries the retention no longer covers at {@code now}; returns how many. */
    public long purge(Instant now) {
        return entries.deleteMany(Filters.lt("at", Date.from(oldestKept(now)))).getDeletedCount();
    }

    @Scheduled(fixedDelayString = "${caseclock.audit.purge-interval:1h}")
    void purgeNow() {
        long deleted = purge(clock.instant());
        if (deleted > 0) {
            log.info("audit trail: {} entries older than the retention of {} deleted", deleted, properties.retention());
        }
    }

    public Instant oldestKept(Instant now) {
        return now.minus(properties.retention());
    }
}
