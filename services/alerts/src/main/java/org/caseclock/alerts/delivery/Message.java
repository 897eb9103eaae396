package org.caseclock.alerts.delivery;

import java.time.Instant;
import java.time.LocalDate;
import org.caseclock.events.out.AlertDelivery.Notice;

/**
 * What every channel says about a notice, and the webhook's JSON body. Deliberately only what a
 * manager needs to find the item on the dashboard: the pseudonymous subject id, team, worker,
 * indicator, dates and state. No name, address or other personal data exists upstream, and
 * none may be added here.
 */
public record Message(
        String deliveryId,
        Notice notice,
        String alertId,
        String code,
        String indicator,
        String subject,
        String itemId,
        String team,
        String worker,
        Instant raisedAt,
        LocalDate due,
        Instant deadline,
        String state,
        Instant resolvedAt,
        String dashboardUrl) {}
