package org.caseclock.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB stand-in (mongo-java-server) inside this JVM, listening on loopback only, for the
 * {@code local} profile and tests. It speaks the wire protocol to the real driver, but has no
 * transactions, and no oplog: nothing here uses change streams, and its oplog would keep a copy of
 * every write in memory for good. In memory unless given a file, in which case an H2 MVStore keeps
 * the data across restarts, each write in the file before it is acknowledged ({@link DurableH2Backend}),
 * so what a client was told is written survives {@code kill -9}.
 */
public final class LocalMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMongoServer.class);

    private static final String HOST = "127.0.0.1";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private LocalMongoServer(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** In memory: everything is gone when it closes. @param port 0 picks a free one */
    public static LocalMongoServer inMemory(int port) {
        return start(new MemoryBackend(), port, null);
    }

    /** Every database on disk in {@code file} (created with its directory if missing), kept across restarts. */
    public static LocalMongoServer onDisk(int port, Path file) {
        return onDisk(port, file, null);
    }

    /**
     * The databases named in {@code onDisk} on disk in {@code file}, kept across restarts; any
     * other in memory, gone when it closes. {@code null} puts every database on disk.
     */
    public static LocalMongoServer onDisk(int port, Path file, Set<String> onDisk) {
        Path f = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(f.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create MongoDB data dir " + f.getParent(), e);
        }
        return start(new DurableH2Backend(MVStore.open(f.toString()), onDisk == null ? null : Set.copyOf(onDisk)), port, f);
    }

    private static LocalMongoServer start(MongoBackend backend, int port, Path file) {
        MongoServer server = new MongoServer(backend);
        server.bind(HOST, port);
        return new LocalMongoServer(server, server.getLocalAddress(), file);
    }

    /** A connection string for {@code database} on this server. */
    public String uri(String database) {
        return "mongodb://" + HOST + ":" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    /** The H2 file, or null when in memory. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        log.info("Stopping the embedded MongoDB stand-in at {}:{}", HOST, address.getPort());
        // shutdown() closes the backend too, which commits and closes the H2 store.
        server.shutdown();
    }
}
