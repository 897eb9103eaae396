package org.caseclock.alerts.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.caseclock.alerts.delivery.Channel;
import org.caseclock.alerts.delivery.Channels;
import org.caseclock.alerts.delivery.DeliveryWorker;
import org.caseclock.alerts.delivery.EmailChannel;
import org.caseclock.alerts.delivery.Escalator;
import org.caseclock.alerts.delivery.LogChannel;
import org.caseclock.alerts.delivery.WebhookChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import tools.jackson.databind.json.JsonMapper;

/** Which channels are on, the clock, and the two schedules. */
@Configuration(proxyBeanMethods = false)
public class AlertsConfig {

    private static final Logger log = LoggerFactory.getLogger(AlertsConfig.class);

    /**
     * A bean so tests can move time on for the escalation check without waiting days. A fallback:
     * in the all-in-one app the query service's (the same) is the one used. The catalogue, for
     * indicator names in messages, is the catalogue module's one bean.
     */
    @Bean
    @Fallback
    Clock alertsClock() {
        return Clock.systemUTC();
    }

    /** Where the outbox and alert states are: {@code caseclock.alerts.database}, else the configured database. */
    @Bean
    MongoDatabase alertsDatabase(MongoTemplate mongo, AlertsProperties properties) {
        String name = properties.database();
        return name == null || name.isBlank() ? mongo.getDb() : mongo.getMongoDatabaseFactory().getMongoDatabase(name);
    }

    /**
     * The webhook is on with a URL; e-mail with an SMTP host ({@code spring.mail.host}, which makes
     * the sender); the log channel when {@code caseclock.alerts.log.enabled}.
     */
    @Bean
    Channels channels(AlertsProperties properties, JsonMapper json, ObjectProvider<JavaMailSender> mail) {
        List<Channel> on = new ArrayList<>();
        if (properties.webhook().enabled()) {
            on.add(new WebhookChannel(properties.webhook(), json));
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null) {
            on.add(new EmailChannel(sender, properties));
        }
        if (properties.log().enabled()) {
            on.add(new LogChannel());
        }
        if (on.isEmpty()) {
            log.warn("No alert channel is configured (caseclock.alerts.webhook.url, spring.mail.host, "
                    + "caseclock.alerts.log.enabled): alerts are recorded but nobody is told");
        } else {
            log.info("Alert channels: {}{}", on.stream().map(Channel::name).toList(),
                    sender == null ? "" : "; escalation by e-mail after " + properties.escalateAfter());
        }
        return new Channels(on);
    }

    /** Both on the scheduler's pool (two threads, see application.yml), so a slow send never holds up escalation. */
    @Bean
    SchedulingConfigurer alertSchedules(DeliveryWorker worker, Escalator escalator, AlertsProperties properties) {
        return (ScheduledTaskRegistrar registrar) -> {
            registrar.addFixedDelayTask(() -> guarded("delivery", worker::runOnce), properties.delivery().pollInterval());
            registrar.addFixedDelayTask(() -> guarded("escalation check", escalator::check), properties.escalationCheckInterval());
        };
    }

    /** MongoDB down: say so and try again at the next tick, which is all a scheduled task can do. */
    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // The class only: a MongoDB error's message can quote a key, and keys hold subject ids.
            log.warn("The {} failed and runs again at its next tick: {}", what, e.getClass().getName());
        }
    }
}
