package org.caseclock.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.ClassUtils;

/**
 * In the {@code local} profile, for an application that talks to MongoDB (its driver is on the
 * classpath) and has no {@code MONGODB_URI} or {@code spring.mongodb.uri}, starts an
 * in-process mongo-java-server and points the application at it.
 *
 * <p>In memory by default; with {@code caseclock.local.mongodb.persistent=true} on disk under
 * {@code caseclock.local.data-dir}/mongodb, kept across restarts, and with
 * {@code caseclock.local.mongodb.persistent-databases} (names, comma-separated) only those
 * databases on disk and the others in memory (the all-in-one app: the alerts outbox on disk, the
 * read model rebuilt from Kafka). A write to disk is in the file before it is acknowledged, so it
 * survives {@code kill -9}. Like the Kafka broker, one server serves every context in the JVM and
 * is destroyed after all their other beans.
 */
public class LocalMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    static final String PROFILE = LocalKafkaInitializer.PROFILE;
    static final String URI = "spring.mongodb.uri";
    static final String URI_ENV = "MONGODB_URI";
    static final String PORT = "caseclock.local.mongodb.port";
    static final String PERSISTENT = "caseclock.local.mongodb.persistent";
    static final String PERSISTENT_DATABASES = "caseclock.local.mongodb.persistent-databases";
    static final String DATABASE = "caseclock.local.mongodb.database";
    static final String DATA_DIR = LocalKafkaInitializer.DATA_DIR;
    static final String BEAN_NAME = "caseclockLocalMongoServer";
    private static final String DRIVER = "com.mongodb.client.MongoClient";

    private static final Logger log = LoggerFactory.getLogger(LocalMongoInitializer.class);

    private static final SharedInJvm<LocalMongoServer> shared = new SharedInJvm<>("embedded MongoDB stand-in");

    @Override
    public int getOrder() {
        // Right after the Kafka broker: registered before every application bean, so destroyed after them.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.acceptsProfiles(Profiles.of(PROFILE)) || hasText(env.getProperty(URI)) || hasText(env.getProperty(URI_ENV))
                || !ClassUtils.isPresent(DRIVER, context.getClassLoader())) {
            return;
        }
        int port = env.getProperty(PORT, Integer.class, 27017);
        boolean persistent = env.getProperty(PERSISTENT, Boolean.class, false);
        Set<String> onDisk = Arrays.stream(env.getProperty(PERSISTENT_DATABASES, "").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        Path dataDir = Path.of(env.getProperty(DATA_DIR, "./data"));
        Path file = dataDir.resolve("mongodb").resolve("caseclock.mv");
        // Shared per data directory, in memory too: the read model belongs with that directory's topics.
        LocalMongoServer server = shared.acquire(dataDir, () -> persistent ? LocalMongoServer.onDisk(port, file)
                : onDisk.isEmpty() ? LocalMongoServer.inMemory(port) : LocalMongoServer.onDisk(port, file, onDisk));
        String uri = server.uri(env.getProperty(DATABASE, "caseclock"));

        env.getPropertySources().addFirst(new MapPropertySource("caseclockLocalMongo", Map.of(URI, uri)));
        shared.register(context, BEAN_NAME, server);
        log.warn("""

                ************************************************************************
                * EMBEDDED MONGODB STAND-IN (mongo-java-server) in use at {} (profile '{}').
                * {}. No transactions; for local use only.
                * Set MONGODB_URI or spring.mongodb.uri to use a real MongoDB.
                ************************************************************************""",
                uri, PROFILE, server.file() == null ? "In memory: everything is lost when the JVM stops"
                        : persistent ? "Data in " + server.file()
                        : "Databases " + onDisk + " in " + server.file() + ", the others in memory");
    }

    /** Whether a shared server is running in this JVM. */
    static boolean running() {
        return shared.running();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
