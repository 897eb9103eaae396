package org.caseclock.alerts.delivery;

import org.caseclock.events.out.Alert;
import org.caseclock.events.out.AlertDelivery.Notice;

/**
 * What every channel says about a notice, and the webhook's JSON body: the notice, the alert as the engine
 * published it ({@code schemas/out/Alert.schema.json}), the indicator's name and where to find the item on the
 * dashboard. Deliberately only what a manager needs: the alert carries the pseudonymous subject id, team,
 * worker, indicator code, dates and state. No name, address or other personal data exists upstream, and none
 * may be added here.
 *
 * @param deliveryId stable for this notice on this channel, for receivers' de-duplication
 */
public record Message(String deliveryId, Notice notice, Alert alert, String indicator, String dashboardUrl) {}
