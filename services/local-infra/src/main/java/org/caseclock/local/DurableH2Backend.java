package org.caseclock.local;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 MVStore backend, made to survive {@code kill -9}: every command on an
 * on-disk database is committed to the file before its answer goes back. MVStore on its own
 * commits about once a second in the background, so a client could be told "written", commit
 * its Kafka offset, and lose the write with the process. (A commit writes to the file, which is
 * enough for a killed process; it does not fsync, so a power cut can still lose the last writes.)
 *
 * <p>Databases not named in {@code onDisk} stay in memory in the same server, as with the
 * memory backend: the all-in-one app keeps its read model, rebuilt from Kafka at each start, in
 * memory and only the alerts outbox on disk. {@code null} puts every database on disk.
 */
final class DurableH2Backend extends H2Backend {

    private final Set<String> onDisk;

    DurableH2Backend(MVStore store, Set<String> onDisk) {
        // H2Backend's constructor opens the databases already in the file, calling onDisk(name) before
        // this.onDisk is set: those are on-disk ones, as nothing else is ever written there.
        super(store);
        this.onDisk = onDisk;
    }

    private boolean onDisk(String database) {
        return onDisk == null || onDisk.contains(database);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return onDisk(databaseName) ? super.openOrCreateDatabase(databaseName) : new MemoryDatabase(databaseName, getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (onDisk(databaseName)) {
            // Cheap when the command wrote nothing (a find): MVStore then has no changes to commit.
            commit();
        }
        return answer;
    }
}
