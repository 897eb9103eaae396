package org.caseclock.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caseclock.engine.topology.EngineHarness;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;
import org.caseclock.feeds.delivery.Sender;

/** The hand-made statutory returns under src/test/resources/returns, and a sender that keeps what it was given. */
public final class Returns {

    /** After the 2024-25 census was made: every event of both censuses is in the past. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-20T11:00:00Z"), ZoneOffset.UTC);

    private Returns() {}

    public static Path file(String name) {
        try {
            return Path.of(Returns.class.getResource("/returns/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real engine (its own test harness) at {@code wallClock}, given {@code events} as ingest would pass them on. */
    public static EngineHarness engine(String wallClock, List<CaseEvent> events) throws JsonProcessingException {
        EngineHarness engine = new EngineHarness(wallClock);
        for (CaseEvent event : events) {
            engine.sendRaw(event.subject().toString(), EventJson.mapper().writeValueAsString(event));
        }
        return engine;
    }

    /** Events by type, for assertions. */
    public static Map<String, Integer> byType(List<CaseEvent> events) {
        Map<String, Integer> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(e.type().name(), 1, Integer::sum));
        return counts;
    }

    /** Keeps every event it is given, in order; rejects nothing. */
    public static final class Kept implements Sender {
        public final List<CaseEvent> events = new ArrayList<>();

        @Override
        public List<String> send(List<CaseEvent> batch) {
            events.addAll(batch);
            return List.of();
        }

        public List<CaseEvent> takeAll() {
            List<CaseEvent> all = List.copyOf(events);
            events.clear();
            return all;
        }
    }
}
