package org.caseclock.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) inside this JVM, listening on
 * loopback only. It is for the {@code local} profile and tests: one command runs a service on a
 * fresh machine, and its log directory survives restarts, so local data does too.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    // Fixed, because formatting an existing log dir checks the cluster id it was formatted with.
    private static final String CLUSTER_ID = "Y2FzZWNsb2NrLWxvY2FsQQ";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;

    private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /**
     * Formats {@code logDir} unless it already holds a broker's data, starts the broker, and
     * returns once a client can reach it.
     *
     * @param port the client port; 0 picks a free one
     */
    public static LocalKafkaBroker start(int port, Path logDir) {
        int clientPort = port == 0 ? freePort() : port;
        // Two "free" ports asked for one after the other can be the same one, handed out again.
        int controllerPort = freePort();
        while (controllerPort == clientPort) {
            controllerPort = freePort();
        }
        Path dir = logDir.toAbsolutePath().normalize();
        Properties config = config(clientPort, controllerPort, dir);
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(config, false);
        format(kafkaConfig, dir);

        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        String bootstrap = HOST + ":" + clientPort;
        try {
            server.startup();
            awaitReady(bootstrap);
        } catch (RuntimeException e) {
            stop(server);
            throw e;
        }
        return new LocalKafkaBroker(server, bootstrap, dir);
    }

    /**
     * A broker on a new temporary log directory, on a free port: for tests, which each want a
     * broker of their own. It stops when the JVM exits, so it outlives every Spring context that
     * uses it (JUnit runs a test class's {@code @AfterAll} before Spring closes the class's
     * context, whose clients would then retry against a broker that is gone).
     */
    public static LocalKafkaBroker startTemporary() {
        try {
            LocalKafkaBroker broker = start(0, Files.createTempDirectory("caseclock-kafka"));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-test-kafka"));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka log dir", e);
        }
    }

    /** Creates each topic with {@code partitions} partitions (one replica); returns this broker. */
    public LocalKafkaBroker withTopics(int partitions, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList())
                    .all().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + Arrays.toString(topics), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
        return this;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        log.info("Stopping the embedded Kafka broker at {}", bootstrapServers);
        stop(server);
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties config(int clientPort, int controllerPort, Path dir) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", dir.toString()),
                // One node: every internal and default topic can only have one replica.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "8"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                // Nobody else will join a local group; waiting for them only slows start-up.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false")));
        return p;
    }

    private static void format(KafkaConfig config, Path dir) {
        try {
            Files.createDirectories(dir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(CLUSTER_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dir.toString())
                    // Keep what an earlier run wrote: local data survives restarts.
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log dir " + dir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log dir " + dir, e);
        }
    }

    private static void awaitReady(String bootstrap) {
        Map<String, Object> admin = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("embedded Kafka broker did not become ready at " + bootstrap, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
