package org.caseclock.query.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.out.Scope;
import org.caseclock.events.out.ComplianceItem;
import org.caseclock.events.out.Status;
import org.caseclock.events.out.IndicatorValue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for {@code /api/stream}, fed by the consumers right after each MongoDB write
 * (nothing polls MongoDB). Sending happens on one thread of its own, so a slow client never holds
 * up a consumer.
 */
@Component
public class LiveUpdates implements DisposableBean {

    /** An indicator's month value changed. */
    record IndicatorEvent(String code, String scope, String period, Double value, long numerator, long denominator) {}

    /** An item appeared, changed status or team, or went; {@code status} is null when it went. */
    record ItemEvent(Status previousStatus, Status status, ItemView item) {}

    /** @param items whether it may be sent item events (child-level data) */
    private record Subscriber(Scope scope, boolean items, SseEmitter emitter) {}

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "sse-sender"));
    private final Catalogue catalogue;
    private final Clock clock;

    LiveUpdates(Catalogue catalogue, Clock clock, MeterRegistry registry) {
        this.catalogue = catalogue;
        this.clock = clock;
        Gauge.builder("caseclock.query.sse.clients", subscribers, Set::size)
                .description("clients connected to /api/stream")
                .register(registry);
    }

    SseEmitter subscribe(Scope scope, boolean items) {
        // No timeout: the heartbeat finds clients that have gone.
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(scope, items, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        // A first comment, so the client knows it is subscribed before anything happens.
        send(subscriber, SseEmitter.event().comment("subscribed to " + scope));
        return emitter;
    }

    public void valueChanged(IndicatorValue v) {
        if (!catalogue.contains(v.code()) || subscribers.isEmpty()) {
            return; // data-quality counts are not indicators
        }
        IndicatorEvent event = new IndicatorEvent(v.code(), v.scope(), v.period(),
                Scorecard.valueOf(catalogue.get(v.code()), v), v.numerator(), v.denominator());
        for (Subscriber s : subscribers) {
            if (s.scope().toString().equals(v.scope())) {
                send(s, SseEmitter.event().name("indicator").data(event));
            }
        }
    }

    /** Told only of a change of status or of team: the same item seen again is no news. */
    public void itemChanged(ComplianceItem before, ComplianceItem after) {
        if (subscribers.isEmpty()) {
            return;
        }
        Status was = before == null ? null : before.status();
        Status is = after == null ? null : after.status();
        if (Objects.equals(was, is) && (before == null || Objects.equals(before.team(), after.team()))) {
            return;
        }
        ComplianceItem shown = after != null ? after : before;
        ItemEvent event = new ItemEvent(was, is, ItemView.of(shown, London.date(clock.instant())));
        for (Subscriber s : subscribers) {
            if (s.items() && (covers(s.scope(), before) || covers(s.scope(), after))) {
                send(s, SseEmitter.event().name("item").data(event));
            }
        }
    }

    private static boolean covers(Scope scope, ComplianceItem item) {
        return item != null && scope.covers(item.team(), item.service());
    }

    @Scheduled(fixedRateString = "${caseclock.query.heartbeat:15s}")
    void heartbeat() {
        for (Subscriber s : subscribers) {
            send(s, SseEmitter.event().comment("heartbeat"));
        }
    }

    int clients() {
        return subscribers.size();
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        sender.execute(() -> {
            try {
                s.emitter().send(event);
            } catch (IOException | IllegalStateException e) {
                // The client has gone: forget it.
                subscribers.remove(s);
                s.emitter().completeWithError(e);
            }
        });
    }

    @Override
    public void destroy() {
        subscribers.forEach(s -> s.emitter().complete());
        sender.shutdownNow();
    }
}
