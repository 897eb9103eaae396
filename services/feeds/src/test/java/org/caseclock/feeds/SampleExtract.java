package org.caseclock.feeds;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.feeds.delivery.Sender;

/** The sample SSD extract shipped in the module, and a sender that keeps what it was given. */
final class SampleExtract {

    /** The day-2 extract's next day, 13:00 in London: what the figures are as at. */
    static final Instant NOW = Instant.parse("2026-04-08T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private SampleExtract() {}

    static Path folder() {
        try {
            return Path.of(SampleExtract.class.getResource("/sample-ssd").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path day(String day) {
        return folder().resolve(day);
    }

    /** Keeps every event it is given, in order; rejects nothing. */
    static final class Kept implements Sender {
        final List<CaseEvent> events = new ArrayList<>();

        @Override
        public List<String> send(List<CaseEvent> batch) {
            events.addAll(batch);
            return List.of();
        }

        List<CaseEvent> takeAll() {
            List<CaseEvent> all = List.copyOf(events);
            events.clear();
            return all;
        }
    }
}
