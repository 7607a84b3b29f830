package io.heatwire.enrich.state;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store that keeps the values written since the last commit as objects and encodes
 * each of them once, when the task commits: Kafka Streams' own record cache, below it, holds bytes,
 * so without this layer every step that reads a value decodes it and every step that writes it
 * encodes it again, though only the last write of a commit interval reaches RocksDB and the
 * changelog.
 *
 * <p>The task commits in three moves: it flushes the caches of its stores, flushes its producer and
 * commits the transaction (exactly-once v2). Kafka Streams flushes the cache of a store it
 * registered, which is this outermost layer, through {@link CachedStateStore#flushCache}; this layer
 * writes its objects into the store below first, so they reach the changelog in the same
 * transaction as the input offsets and the records they caused. A crash loses the objects and the
 * open transaction together. Everything that does not commit (a dirty close, a revived task) builds
 * a new processor over freshly restored stores, and {@link #init} starts with an empty layer.
 *
 * <p>{@code CachedStateStore} is an interface of Kafka Streams' internals: the one hook a store gets
 * before a commit. The contract tests on a real broker (crash recovery, rebalances, several
 * instances) prove that nothing is lost through it.
 */
public final class ObjectCachingStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    /** Stands for "no value" in {@link #values}. */
    private static final Object ABSENT = new Object();

    /**
     * Every value read or written since the last commit, {@link #ABSENT} for none: a value read
     * twice in a commit interval is decoded once. Cleared at each commit, so it holds only what
     * the task touched in one interval.
     */
    private final Map<K, Object> values = new HashMap<>();
    /** The keys written since the last commit, in the order they were first written. */
    private final Set<K> written = new LinkedHashSet<>();

    private final KeyValueStore<K, V> inner;

    ObjectCachingStore(KeyValueStore<K, V> inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(K key) {
        final Object known = values.get(key);
        if (known != null) {
            return known == ABSENT ? null : (V) known;
        }
        final V value = inner.get(key);
        values.put(key, value == null ? ABSENT : value);
        return value;
    }

    @Override
    public void put(K key, V value) {
        values.put(Objects.requireNonNull(key, "key"), value == null ? ABSENT : value);
        written.add(key);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        final V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(K key) {
        final V current = get(key);
        put(key, null);
        return current;
    }

    /** Ranges and scans read the store below, after the objects have been written into it. */
    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        writeThrough();
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        writeThrough();
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        writeThrough();
        return inner.all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        writeThrough();
        return inner.reverseAll();
    }

    @Override
    public <S extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, S prefixKeySerializer) {
        writeThrough();
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    /** Encodes every object written since the last commit into the store below, once. */
    @SuppressWarnings("unchecked")
    void writeThrough() {
        for (K key : written) {
            final Object value = values.get(key);
            if (value == ABSENT) {
                inner.delete(key);
            } else {
                inner.put(key, (V) value);
            }
        }
        written.clear();
    }

    /** Writes through and forgets what was read: the layer holds one commit interval at most. */
    private void commit() {
        writeThrough();
        values.clear();
    }

    // ---- the commit: Kafka Streams calls these on the store it registered, this one ------------

    @Override
    public void flushCache() {
        commit();
        if (inner instanceof CachedStateStore<?, ?> cached) {
            cached.flushCache();
        }
    }

    @Override
    public void flush() {
        commit();
        inner.flush();
    }

    @Override
    public void clearCache() {
        values.clear();
        written.clear();
        if (inner instanceof CachedStateStore<?, ?> cached) {
            cached.clearCache();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return inner instanceof CachedStateStore<?, ?> cached
                && ((CachedStateStore<K, V>) cached).setFlushListener(listener, sendOldValues);
    }

    // ---- the rest of a state store: the store below ---------------------------------------------

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        values.clear();
        written.clear();
        inner.init(context, root);
    }

    @Override
    public void close() {
        values.clear();
        written.clear();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        writeThrough();
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }
}
