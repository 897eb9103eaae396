package org.caseclock.alerts.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.caseclock.alerts.config.AlertsProperties;
import org.caseclock.catalogue.time.London;
import org.caseclock.events.out.AlertDelivery.Notice;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Plain-text e-mail: raised and resolved alerts to the team's manager, escalations to the team's
 * escalation address (each falling back on the default when the team is not listed).
 */
public final class EmailChannel implements Channel {

    public static final String NAME = "email";

    // People read these: London local time, as every date in the rules is.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK)
            .withZone(London.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final JavaMailSender sender;
    private final AlertsProperties properties;

    public EmailChannel(JavaMailSender sender, AlertsProperties properties) {
        if (properties.defaults().manager() == null || properties.defaults().escalation() == null) {
            throw new IllegalStateException("with e-mail on (spring.mail.host), caseclock.alerts.defaults.manager and "
                    + "caseclock.alerts.defaults.escalation are required: they take the alerts of teams not listed");
        }
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String send(Message m) throws MessagingException {
        String to = m.notice() == Notice.ESCALATION ? properties.escalationOf(m.alert().team()) : properties.managerOf(m.alert().team());
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(mime, false, "UTF-8");
        mail.setFrom(properties.email().from());
        mail.setTo(to);
        mail.setSubject(subject(m));
        mail.setText(body(m), false);
        // The same id as the webhook's, so a duplicate (a crash between sending and recording) can be recognised.
        mime.setHeader(WebhookChannel.DELIVERY_HEADER, m.deliveryId());
        sender.send(mime);
        return to;
    }

    String subject(Message m) {
        String what = switch (m.notice()) {
            case OPEN -> "Overdue";
            case RESOLVED -> "Resolved";
            case ESCALATION -> "Still overdue after " + human(properties.escalateAfter());
        };
        return "[caseclock] " + what + ": " + m.alert().code() + " " + m.indicator() + " - " + m.alert().subject() + " (team " + m.alert().team() + ")";
    }

    String body(Message m) {
        String opening = switch (m.notice()) {
            case OPEN -> "An item has gone overdue.";
            case RESOLVED -> "An overdue item has been dealt with or is no longer due.";
            case ESCALATION -> "An item has been overdue for more than " + human(properties.escalateAfter())
                    + " and its alert is still open.";
        };
        StringBuilder b = new StringBuilder(opening).append("\n\n");
        line(b, "Indicator", m.alert().code() + " " + m.indicator());
        line(b, "Subject", m.alert().subject());
        line(b, "Item", m.alert().itemId());
        line(b, "Team", m.alert().team());
        line(b, "Worker", m.alert().worker());
        line(b, "Due", m.alert().due() == null ? null : DATE.format(m.alert().due()));
        line(b, "Deadline", time(m.alert().deadline()));
        line(b, "Raised", time(m.alert().raisedAt()));
        line(b, "Resolved", time(m.alert().resolvedAt()));
        line(b, "State", m.alert().state().name());
        b.append("\nDashboard: ").append(m.dashboardUrl()).append("\n");
        b.append("\nTimes are London time. Delivery ").append(m.deliveryId()).append(".\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null) {
            b.append(String.format("%-10s %s", label + ":", value)).append('\n');
        }
    }

    private static String time(Instant i) {
        return i == null ? null : TIME.format(i);
    }

    static String human(Duration d) {
        if (d.toHours() % 24 == 0 && d.toDays() > 0) {
            return plural(d.toDays(), "day");
        }
        return d.toMinutes() % 60 == 0 ? plural(d.toHours(), "hour") : plural(d.toMinutes(), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
