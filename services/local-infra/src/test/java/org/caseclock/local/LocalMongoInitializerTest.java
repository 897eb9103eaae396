package org.caseclock.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LocalMongoInitializerTest {

    @TempDir
    Path dir;

    private GenericApplicationContext context(String profile, Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles(profile);
        Map<String, Object> all = new HashMap<>(Map.of(
                LocalMongoInitializer.PORT, "0",
                LocalMongoInitializer.DATA_DIR, dir.toString()));
        all.putAll(properties);
        env.getPropertySources().addFirst(new MapPropertySource("test", all));
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(env);
        new LocalMongoInitializer().initialize(context);
        return context;
    }

    private static String uri(GenericApplicationContext context) {
        return context.getEnvironment().getProperty(LocalMongoInitializer.URI);
    }

    private static void insert(String uri, String id) {
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("caseclock").getCollection("things").insertOne(new Document("_id", id));
        }
    }

    private static long count(String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            return client.getDatabase("caseclock").getCollection("things").countDocuments();
        }
    }

    @Test
    void in_the_local_profile_without_a_uri_a_server_starts_the_app_is_pointed_at_it_and_it_stops_with_the_context() {
        // Given the local profile and neither MONGODB_URI nor spring.mongodb.uri
        GenericApplicationContext context = context("local", Map.of());
        context.refresh();
        String uri = uri(context);

        // Then the app's URI names a live server that the real driver can write to
        assertThat(uri).startsWith("mongodb://127.0.0.1:").endsWith("/caseclock");
        insert(uri, "a");
        assertThat(count(uri)).isEqualTo(1);

        // And when the context closes the server stops
        int port = context.getBean(LocalMongoServer.class).port();
        context.close();
        assertThat(LocalMongoInitializer.running()).isFalse();
        assertThat(port).isPositive();
    }

    @Test
    void a_configured_uri_or_another_profile_starts_nothing() {
        GenericApplicationContext withUri = context("local", Map.of(LocalMongoInitializer.URI, "mongodb://db:27017/x"));
        GenericApplicationContext withEnv = context("local", Map.of(LocalMongoInitializer.URI_ENV, "mongodb://db:27017/x"));
        GenericApplicationContext notLocal = context("prod", Map.of());

        assertThat(uri(withUri)).isEqualTo("mongodb://db:27017/x");
        assertThat(uri(withEnv)).isNull();
        assertThat(uri(notLocal)).isNull();
        assertThat(LocalMongoInitializer.running()).isFalse();
    }

    @Test
    void two_contexts_in_one_jvm_share_the_server_and_it_closes_after_the_last_one_and_after_their_beans() {
        // Given two contexts, the first with a bean that still writes while it closes
        GenericApplicationContext first = context("local", Map.of());
        GenericApplicationContext second = context("local", Map.of());
        String uri = uri(first);
        AtomicReference<Long> countWhileClosing = new AtomicReference<>();
        DisposableBean writer = () -> {
            insert(uri, "late");
            countWhileClosing.set(count(uri));
        };
        ((DefaultListableBeanFactory) second.getBeanFactory()).registerDisposableBean("writer", writer);
        first.refresh();
        second.refresh();

        // Then both use one server
        assertThat(uri(second)).isEqualTo(uri);

        // And closing the first leaves it running for the second, whose beans close before it
        first.close();
        insert(uri, "x");
        second.close();
        assertThat(countWhileClosing.get()).isEqualTo(2);
        assertThat(LocalMongoInitializer.running()).isFalse();
    }

    @Test
    void persistent_data_under_the_data_dir_survives_a_restart() {
        // Given the on-disk backend with one document written
        Map<String, Object> persistent = Map.of(LocalMongoInitializer.PERSISTENT, "true");
        GenericApplicationContext before = context("local", persistent);
        before.refresh();
        insert(uri(before), "kept");
        before.close();

        // When the application starts again
        GenericApplicationContext after = context("local", persistent);
        after.refresh();

        // Then the document is still there, in data-dir/mongodb
        try {
            assertThat(count(uri(after))).isEqualTo(1);
            assertThat(after.getBean(LocalMongoServer.class).file()).isEqualTo(dir.resolve("mongodb/caseclock.mv").toAbsolutePath());
        } finally {
            after.close();
        }
    }

    @Test
    void givenPersistentDatabasesNamed_whenTheApplicationStartsAgain_thenOnlyThoseDatabasesKeepTheirDocuments() {
        // Given only the database "outbox" kept on disk, and one document written to it and one to "caseclock"
        Map<String, Object> outboxOnDisk = Map.of(LocalMongoInitializer.PERSISTENT_DATABASES, "outbox");
        GenericApplicationContext before = context("local", outboxOnDisk);
        before.refresh();
        try (MongoClient client = MongoClients.create(uri(before))) {
            client.getDatabase("outbox").getCollection("alert_deliveries").insertOne(new Document("_id", "kept"));
        }
        insert(uri(before), "forgotten");
        before.close();

        // When the application starts again
        GenericApplicationContext after = context("local", outboxOnDisk);
        after.refresh();

        // Then the outbox's document is there and the in-memory database is empty
        try (MongoClient client = MongoClients.create(uri(after))) {
            assertThat(client.getDatabase("outbox").getCollection("alert_deliveries").countDocuments()).isEqualTo(1);
            assertThat(count(uri(after))).isZero();
        } finally {
            after.close();
        }
    }
}
