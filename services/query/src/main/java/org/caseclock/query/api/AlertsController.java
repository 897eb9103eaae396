package org.caseclock.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caseclock.query.store.AlertStore;
import org.caseclock.query.store.StoredAlert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertsController {

    record AlertView(String id, String code, String subject, String team, String worker, Instant raisedAt,
                     LocalDate due, String state, Instant resolvedAt) {
        static AlertView of(StoredAlert a) {
            return new AlertView(a.id(), a.code(), a.subject(), a.team(), a.worker(), a.raisedAt(), a.due(), a.state(),
                    a.resolvedAt());
        }
    }

    record Alerts(List<AlertView> alerts) {}

    private final AlertStore alerts;

    AlertsController(AlertStore alerts) {
        this.alerts = alerts;
    }

    /** The scope's alerts, newest first, optionally only OPEN or only RESOLVED. */
    @GetMapping("/api/alerts")
    Alerts alerts(@RequestParam String scope, @RequestParam(required = false) String state) {
        return new Alerts(alerts.find(Params.scope(scope), Params.alertState(state)).stream().map(AlertView::of).toList());
    }
}
