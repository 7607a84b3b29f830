package io.heatwire.enrich.clustering;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A {@link Store} on a sorted map that can be rolled back to its last commit, as a task's
 * changelogged store is after a crash under exactly-once.
 */
final class MapStore<K extends Comparable<K>, V> implements Store<K, V> {

    private final TreeMap<K, V> current = new TreeMap<>();
    private final Map<K, Optional<V>> committedBefore = new HashMap<>();
    private long writes;

    @Override
    public V get(K key) {
        return current.get(key);
    }

    @Override
    public void put(K key, V value) {
        remember(key);
        current.put(key, value);
        writes++;
    }

    @Override
    public void delete(K key) {
        remember(key);
        current.remove(key);
        writes++;
    }

    @Override
    public void scan(BiConsumer<K, V> visitor) {
        new TreeMap<>(current).forEach(visitor);
    }

    @Override
    public void range(K from, K to, BiConsumer<K, V> visitor) {
        new TreeMap<>(current.subMap(from, true, to, false)).forEach(visitor);
    }

    void commit() {
        committedBefore.clear();
    }

    void rollback() {
        committedBefore.forEach((key, value) -> {
            if (value.isPresent()) {
                current.put(key, value.get());
            } else {
                current.remove(key);
            }
        });
        committedBefore.clear();
    }

    /** Writes since the start (a changelog record each, before caching). */
    long writes() {
        return writes;
    }

    int size() {
        return current.size();
    }

    private void remember(K key) {
        committedBefore.computeIfAbsent(key, k -> Optional.ofNullable(current.get(k)));
    }
}
