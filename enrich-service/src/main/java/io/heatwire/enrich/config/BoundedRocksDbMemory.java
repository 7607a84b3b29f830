package io.heatwire.enrich.config;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB store of this JVM together: one block cache shared by
 * all stores, which also accounts for the memtables (through a shared write-buffer manager) and
 * for the index and filter blocks. Without it each store sizes its own cache and memtables, so
 * memory grows with the number of stores times the number of tasks.
 *
 * <p>The budget is {@value #MEMORY_CONFIG} in the Streams properties (application.yml sets it
 * from {@code heatwire.state.rocksdb-memory-bytes}); a quarter of it may be memtables. The cache is
 * created on the first store that opens and shared by every store after it, in every Streams
 * client of the JVM, as the Kafka Streams memory-management guide does it.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The Streams property with the budget in bytes. */
    public static final String MEMORY_CONFIG = "heatwire.rocksdb.memory.bytes";

    static final long DEFAULT_MEMORY_BYTES = 256L * 1024 * 1024;
    /** The share of the cache that index and filter blocks may keep with high priority. */
    private static final double INDEX_FILTER_RATIO = 0.1;

    private static final long BLOCK_SIZE = 16 * 1024;
    private static final int MEMTABLES_PER_STORE = 2;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long budget;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        final long memory = memoryBytes(configs);
        final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(memory));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(sharedWriteBufferManager());
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        // Small memtables: the manager caps their total anyway, and many stores share the budget.
        options.setWriteBufferSize(Math.max(1024 * 1024, memory / 64));
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store: never closed here.
    }

    static long memoryBytes(Map<String, Object> configs) {
        final Object value = configs.get(MEMORY_CONFIG);
        if (value == null) {
            return DEFAULT_MEMORY_BYTES;
        }
        final long bytes = value instanceof Number number
                ? number.longValue()
                : Long.parseLong(value.toString().trim());
        if (bytes < 16L * 1024 * 1024) {
            throw new IllegalArgumentException(MEMORY_CONFIG + " must be at least 16 MB, got " + bytes + " bytes");
        }
        return bytes;
    }

    /** The budget the shared cache was created with, 0 before the first store opened. */
    static synchronized long budget() {
        return budget;
    }

    private static synchronized Cache sharedCache(long memory) {
        if (cache == null) {
            budget = memory;
            cache = new LRUCache(memory, -1, false, INDEX_FILTER_RATIO);
            writeBufferManager = new WriteBufferManager(memory / 4, cache);
        }
        return cache;
    }

    private static synchronized WriteBufferManager sharedWriteBufferManager() {
        return writeBufferManager;
    }
}
