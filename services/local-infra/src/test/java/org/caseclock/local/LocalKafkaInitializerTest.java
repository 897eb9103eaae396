package org.caseclock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LocalKafkaInitializerTest {

    @TempDir
    Path dir;

    private GenericApplicationContext context(String profile, Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles(profile);
        Map<String, Object> all = new HashMap<>(Map.of(
                LocalKafkaInitializer.PORT, "0",
                LocalKafkaInitializer.DATA_DIR, dir.toString()));
        all.putAll(properties);
        env.getPropertySources().addFirst(new MapPropertySource("test", all));
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(env);
        new LocalKafkaInitializer().initialize(context);
        return context;
    }

    private static boolean reachable(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000))) {
            admin.describeCluster().nodes().get();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void in_the_local_profile_without_bootstrap_servers_a_broker_starts_and_the_app_is_pointed_at_it() throws Exception {
        // Given the local profile and no spring.kafka.bootstrap-servers
        GenericApplicationContext context = context("local", Map.of());
        context.refresh();
        String bootstrap = context.getEnvironment().getProperty(LocalKafkaInitializer.BOOTSTRAP_SERVERS);

        // Then the app's bootstrap servers are a live broker whose data is under data-dir/kafka
        assertThat(bootstrap).startsWith("127.0.0.1:");
        assertThat(reachable(bootstrap)).isTrue();
        assertThat(context.getBean(LocalKafkaBroker.class).logDir()).isEqualTo(dir.resolve("kafka").toAbsolutePath());

        // And when the context closes the broker stops
        context.close();
        assertThat(reachable(bootstrap)).isFalse();
    }

    @Test
    void the_broker_closes_after_every_other_bean_of_the_context() {
        // Given a bean that still needs the broker while it closes
        GenericApplicationContext context = context("local", Map.of());
        String bootstrap = context.getEnvironment().getProperty(LocalKafkaInitializer.BOOTSTRAP_SERVERS);
        AtomicReference<Boolean> reachableWhileClosing = new AtomicReference<>();
        DisposableBean client = () -> reachableWhileClosing.set(reachable(bootstrap));
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("client", client);
        context.refresh();

        // When the context closes
        context.close();

        // Then the broker was still up when that bean closed
        assertThat(reachableWhileClosing.get()).isTrue();
    }

    @Test
    void a_second_service_in_the_same_jvm_reuses_the_running_broker_which_stops_with_the_last_one() {
        // Given two caseclock services starting in one JVM
        GenericApplicationContext ingest = context("local", Map.of());
        GenericApplicationContext engine = context("local", Map.of(LocalKafkaInitializer.PORT, "1"));
        ingest.refresh();
        engine.refresh();
        String bootstrap = ingest.getEnvironment().getProperty(LocalKafkaInitializer.BOOTSTRAP_SERVERS);

        // Then both use the same broker
        assertThat(engine.getEnvironment().getProperty(LocalKafkaInitializer.BOOTSTRAP_SERVERS)).isEqualTo(bootstrap);
        assertThat(engine.getBean(LocalKafkaBroker.class)).isSameAs(ingest.getBean(LocalKafkaBroker.class));

        // And it outlives the first to close, but not the last
        ingest.close();
        assertThat(reachable(bootstrap)).isTrue();
        engine.close();
        assertThat(reachable(bootstrap)).isFalse();
    }

    @Test
    void a_context_with_another_data_directory_gets_its_own_broker_not_the_one_running_on_other_data(@TempDir Path other) {
        // Given a context (a cached test context, say) whose broker runs on one data directory
        GenericApplicationContext first = context("local", Map.of());
        first.refresh();
        // When a context in the same JVM asks for a broker on another data directory
        GenericApplicationContext second = context("local", Map.of(LocalKafkaInitializer.DATA_DIR, other.toString()));
        second.refresh();

        // Then it gets a broker of its own, on its own data, and closing it leaves the first running
        LocalKafkaBroker mine = second.getBean(LocalKafkaBroker.class);
        assertThat(mine).isNotSameAs(first.getBean(LocalKafkaBroker.class));
        assertThat(mine.logDir()).isEqualTo(other.resolve("kafka").toAbsolutePath());
        String firstBootstrap = first.getEnvironment().getProperty(LocalKafkaInitializer.BOOTSTRAP_SERVERS);
        second.close();
        assertThat(reachable(firstBootstrap)).isTrue();
        first.close();
    }

    @Test
    void explicit_bootstrap_servers_are_used_as_they_are_and_no_broker_starts() {
        GenericApplicationContext context = context("local", Map.of(LocalKafkaInitializer.BOOTSTRAP_SERVERS, "kafka.example:9092"));
        context.refresh();

        assertThat(context.getEnvironment().getProperty(LocalKafkaInitializer.BOOTSTRAP_SERVERS)).isEqualTo("kafka.example:9092");
        assertThatThrownBy(() -> context.getBean(LocalKafkaBroker.class)).isInstanceOf(RuntimeException.class);
        context.close();
    }

    @Test
    void outside_the_local_profile_no_broker_starts() {
        GenericApplicationContext context = context("prod", Map.of());
        context.refresh();

        assertThat(context.getEnvironment().containsProperty(LocalKafkaInitializer.BOOTSTRAP_SERVERS)).isFalse();
        assertThat(context.getBeanNamesForType(LocalKafkaBroker.class)).isEmpty();
        context.close();
    }
}
