package org.caseclock.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.caseclock.events.out.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Items OVERDUE now, by team, as the gauge {@code caseclock.query.items.overdue{team}}. Counted
 * from MongoDB on a schedule rather than at scrape time, so a scrape never waits on the database;
 * the count uses the {@code status} index. Teams are few (tens per authority), subjects are never
 * a tag. A team with nothing overdue any more drops out of the gauge.
 */
@Component
public class OverdueByTeam {

    private final MongoCollection<Document> items;
    private final MultiGauge gauge;

    public OverdueByTeam(MongoTemplate mongo, MeterRegistry registry) {
        this.items = mongo.getCollection(ItemStore.COLLECTION);
        this.gauge = MultiGauge.builder("caseclock.query.items.overdue")
                .description("Items OVERDUE now, by team (counted every caseclock.query.overdue-count-interval)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${caseclock.query.overdue-count-interval:30s}")
    public void count() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Document byTeam : items.aggregate(List.of(
                Aggregates.match(Filters.eq("status", Status.OVERDUE.name())),
                Aggregates.group("$team", Accumulators.sum("count", 1))))) {
            String team = byTeam.getString("_id");
            rows.add(MultiGauge.Row.of(Tags.of("team", team == null ? "none" : team), byTeam.get("count", Number.class)));
        }
        gauge.register(rows, true);
    }
}
