package org.caseclock.alerts.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.caseclock.alerts.config.AlertsProperties;
import org.caseclock.events.out.Alert;
import org.caseclock.alerts.store.Delivery;
import org.caseclock.catalogue.Catalogue;
import org.springframework.stereotype.Component;

/** Turns a delivery into the message its channel sends. */
@Component
public class Messages {

    private final Catalogue catalogue;
    private final String dashboardUrl;

    public Messages(Catalogue catalogue, AlertsProperties properties) {
        this.catalogue = catalogue;
        this.dashboardUrl = properties.dashboardUrl();
    }

    public Message of(Delivery d) {
        Alert a = d.alert();
        // A code the catalogue no longer has (overrides changed since) still gets its notice.
        String indicator = catalogue.contains(a.code()) ? catalogue.get(a.code()).name() : a.code();
        // ESCALATION is only ever about an alert still open; its stored copy says so already.
        return new Message(d.deliveryId(), d.notice(), a, indicator, dashboardOf(a.team()));
    }

    String dashboardOf(String team) {
        return dashboardUrl.replace("{team}", URLEncoder.encode(team, StandardCharsets.UTF_8));
    }
}
