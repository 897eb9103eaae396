package org.caseclock.query.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.caseclock.events.out.AlertDelivery;
import org.caseclock.events.out.Alert;
import org.caseclock.events.out.Scope;
import org.caseclock.query.store.AlertStore;
import org.caseclock.query.store.DeliveryStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertsController {

    /**
     * The alert as the engine published it (its fields at the top level) and how the alerts service told people of it.
     *
     * @param deliveries from the alerts service's alert-deliveries topic; empty until it has sent anything
     */
    record AlertView(@JsonUnwrapped Alert alert, List<DeliveryView> deliveries) {
        static AlertView of(Alert a, Map<String, List<AlertDelivery>> deliveries) {
            return new AlertView(a, deliveries.getOrDefault(a.id(), List.of()).stream().map(DeliveryView::of).toList());
        }
    }

    /** A delivery as docs/api.md shows it: no ids, which only the alerts service and receivers need. */
    record DeliveryView(AlertDelivery.Notice notice, String channel, AlertDelivery.State state, int attempts,
                        Instant lastAttemptAt, Instant deliveredAt) {
        static DeliveryView of(AlertDelivery d) {
            return new DeliveryView(d.notice(), d.channel(), d.state(), d.attempts(), d.lastAttemptAt(), d.deliveredAt());
        }
    }

    record Alerts(List<AlertView> alerts) {}

    private final AlertStore alerts;
    private final DeliveryStore deliveries;
    private final Access access;

    AlertsController(AlertStore alerts, DeliveryStore deliveries, Access access) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.access = access;
    }

    /** The scope's alerts, newest first, optionally only OPEN or only RESOLVED. */
    @GetMapping("/api/alerts")
    Alerts alerts(@RequestParam String scope, @RequestParam(required = false) String state) {
        Scope s = Params.scope(scope);
        Alert.State st = Params.alertState(state);
        access.list(s, "/api/alerts", null);
        List<Alert> found = alerts.find(s, st);
        Map<String, List<AlertDelivery>> sent = deliveries.ofAlerts(found.stream().map(Alert::id).toList());
        return new Alerts(found.stream().map(a -> AlertView.of(a, sent)).toList());
    }
}
