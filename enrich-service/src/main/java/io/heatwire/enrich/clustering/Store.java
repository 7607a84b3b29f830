package io.heatwire.enrich.clustering;

import java.util.function.BiConsumer;

/**
 * The only state a {@link ClusteringTask} has: a key-value store (a changelogged RocksDB store in
 * production, a map in tests). Values are immutable.
 */
public interface Store<K extends Comparable<K>, V> {

    V get(K key);

    void put(K key, V value);

    void delete(K key);

    /** Every entry; used only at start-up to rebuild the in-memory indexes. */
    void scan(BiConsumer<K, V> visitor);

    /** Entries with {@code from <= key < to} in key order; used only on the member index. */
    void range(K from, K to, BiConsumer<K, V> visitor);
}
