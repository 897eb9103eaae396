package org.caseclock.local;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * In the {@code local} profile, when no {@code spring.kafka.bootstrap-servers} is configured,
 * starts an in-process broker and points the application at it.
 *
 * <p>The broker is registered as the context's first disposable bean, so it is destroyed last:
 * producers, consumers and streams close against a live broker. One broker serves every
 * caseclock service in the JVM (the all-in-one app); it stops when the last context using it closes.
 */
public class LocalKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    static final String PROFILE = "local";
    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String PORT = "caseclock.local.kafka.port";
    static final String DATA_DIR = "caseclock.local.data-dir";
    static final String BEAN_NAME = "caseclockLocalKafkaBroker";

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaInitializer.class);

    private static final SharedInJvm<LocalKafkaBroker> shared = new SharedInJvm<>("embedded Kafka broker");

    @Override
    public int getOrder() {
        // First, so the broker's disposable bean is registered before any other and destroyed after all.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.acceptsProfiles(Profiles.of(PROFILE)) || env.containsProperty(BOOTSTRAP_SERVERS)) {
            return;
        }
        int port = env.getProperty(PORT, Integer.class, 9092);
        Path dir = Path.of(env.getProperty(DATA_DIR, "./data")).resolve("kafka");
        LocalKafkaBroker broker = shared.acquire(dir, () -> LocalKafkaBroker.start(port, dir));

        env.getPropertySources().addFirst(
                new MapPropertySource("caseclockLocalKafka", Map.of(BOOTSTRAP_SERVERS, broker.bootstrapServers())));
        shared.register(context, BEAN_NAME, broker);
        log.warn("""

                ************************************************************************
                * EMBEDDED KAFKA BROKER in use at {} (profile '{}').
                * Data in {}. For local use only: one node, no replication, no security.
                * Set spring.kafka.bootstrap-servers to use a real cluster.
                ************************************************************************""",
                broker.bootstrapServers(), PROFILE, broker.logDir());
    }
}
