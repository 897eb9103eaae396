package org.caseclock.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB sized for a laptop: every store of the engine (nine stores on each of six partitions, 54
 * RocksDB instances) shares one block cache of {@value #CACHE_MB} MB, and their memtables count
 * against it. Left to Kafka Streams' defaults each instance has a 50 MB block cache and up to
 * three 16 MB memtables of its own: over 5 GB off the heap at the worst, which RSS shows and the
 * heap does not. The stores are read
 * through the engine's record cache (on the heap), so a small block cache costs little. Set as
 * {@code rocksdb.config.setter} in the app's application.yml; the engine deployed alone keeps the
 * defaults, as it runs on a machine of its own.
 */
public class BoundedRocksDb implements RocksDBConfigSetter {

    static final long CACHE_MB = 96;
    private static final long MEMTABLES_MB = 48;

    static {
        // Kafka Streams makes the setter before it opens a store, so the native library may not be loaded yet.
        RocksDB.loadLibrary();
    }

    // Shared by every store of the process, so static; never closed (they live as long as the JVM).
    private static final Cache CACHE = new LRUCache(CACHE_MB * 1024 * 1024, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLES_MB * 1024 * 1024, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        // Index and filter blocks in the shared cache too, so they are bounded with it.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(8L * 1024 * 1024);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: not closed with one.
    }
}
