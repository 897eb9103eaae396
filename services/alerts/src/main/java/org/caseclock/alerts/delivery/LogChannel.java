package org.caseclock.alerts.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each notice as one line of the application's log: for running on one machine (the
 * all-in-one app) with no webhook or mail server, so an alert is still seen and its delivery
 * still recorded. The line names the indicator, team, dates and delivery id, never the subject
 * or item id: application logs carry no child-level data.
 */
public final class LogChannel implements Channel {

    public static final String NAME = "log";
    public static final String RECIPIENT = "application log";

    private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String send(Message m) {
        log.info(line(m));
        return RECIPIENT;
    }

    static String line(Message m) {
        String what = switch (m.notice()) {
            case OPEN -> "Alert raised, overdue";
            case RESOLVED -> "Alert resolved";
            case ESCALATION -> "Alert still open, escalated";
        };
        StringBuilder b = new StringBuilder(what).append(": ").append(m.alert().code()).append(' ').append(m.indicator())
                .append(", team ").append(m.alert().team());
        if (m.alert().due() != null) {
            b.append(", due ").append(m.alert().due());
        }
        if (m.alert().deadline() != null) {
            b.append(", deadline ").append(m.alert().deadline());
        }
        return b.append(" (delivery ").append(m.deliveryId()).append("): ").append(m.dashboardUrl()).toString();
    }
}
