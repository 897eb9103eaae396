package org.caseclock.alerts.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything about where alerts go and how hard delivery tries, under {@code caseclock.alerts}.
 *
 * @param groupId this service's Kafka consumer group (read by the listener's annotation; here for completeness)
 * @param dashboardUrl link put in every notice; {@code {team}} is replaced by the team id
 * @param escalateAfter an alert OPEN for longer than this is sent to the escalation address, once
 * @param escalationCheckInterval how often open alerts are checked against {@code escalateAfter}
 * @param defaults the addresses for teams not listed under {@code teams}
 * @param teams per team id: its manager's and escalation addresses
 * @param log the log channel: each notice as a line of the application's log (off unless enabled)
 * @param database the MongoDB database of the outbox and alert states; unset, the one of
 *     {@code spring.mongodb.uri}. The all-in-one app names its own, which its stand-in keeps on disk
 *     while the query side's read model stays in memory.
 */
@ConfigurationProperties("caseclock.alerts")
public record AlertsProperties(
        @DefaultValue("caseclock-alerts") String groupId,
        @DefaultValue("http://localhost:8080/#/team/{team}") String dashboardUrl,
        @DefaultValue("2d") Duration escalateAfter,
        @DefaultValue("1m") Duration escalationCheckInterval,
        @DefaultValue Route defaults,
        @DefaultValue Map<String, Route> teams,
        @DefaultValue Webhook webhook,
        @DefaultValue Email email,
        @DefaultValue Delivery delivery,
        @DefaultValue Log log,
        String database) {

    /** The team manager's address: the team's own, else the default. */
    public String managerOf(String team) {
        Route own = teams.get(team);
        return own != null && own.manager() != null ? own.manager() : defaults.manager();
    }

    /** Where an alert left open too long goes: the team's escalation address, else the default one. */
    public String escalationOf(String team) {
        Route own = teams.get(team);
        return own != null && own.escalation() != null ? own.escalation() : defaults.escalation();
    }

    /** A team's addresses; either may be left out to fall back on {@code defaults}. */
    public record Route(String manager, String escalation) {}

    /**
     * @param url where to POST; no URL, no webhook channel
     * @param secret the HMAC-SHA256 key the receiver shares; required with a URL
     */
    public record Webhook(URI url, String secret, @DefaultValue("10s") Duration timeout) {
        public boolean enabled() {
            return url != null;
        }
    }

    /** @param enabled whether notices are written to the application log (no subject in it), e.g. with no webhook or mail server */
    public record Log(@DefaultValue("false") boolean enabled) {}

    /** @param from the sender of every e-mail (the SMTP server itself is {@code spring.mail.*}) */
    public record Email(@DefaultValue("caseclock@localhost") String from) {}

    /**
     * How the delivery worker retries: {@code initialBackoff} after the first failed attempt,
     * multiplied by {@code multiplier} after each further one up to {@code maxBackoff}, for ever.
     *
     * @param failingAfter from this many failed attempts on, a delivery is FAILING (and still retried)
     * @param lease how long a claimed delivery is left alone by other workers; longer than any send takes
     */
    public record Delivery(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10") int failingAfter,
            @DefaultValue("50") int batchSize,
            @DefaultValue("2m") Duration lease) {

        /** The wait before the next attempt, after {@code failedAttempts} (at least 1) have failed. */
        public Duration backoffAfter(int failedAttempts) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
            return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
        }
    }
}
