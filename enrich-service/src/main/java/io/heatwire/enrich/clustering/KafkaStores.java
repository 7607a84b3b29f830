package io.heatwire.enrich.clustering;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The {@link Store}s of a {@link ClusteringTask} over Kafka Streams key-value stores. */
final class KafkaStores {

    /** Between cluster and member in a member-index key; never part of an id (ids are hex). */
    static final String SEPARATOR = "|";

    private KafkaStores() {}

    static <V> Store<String, V> byId(KeyValueStore<String, V> store) {
        return new Store<>() {
            @Override
            public V get(String key) {
                return store.get(key);
            }

            @Override
            public void put(String key, V value) {
                store.put(key, value);
            }

            @Override
            public void delete(String key) {
                store.delete(key);
            }

            @Override
            public void scan(BiConsumer<String, V> visitor) {
                try (KeyValueIterator<String, V> all = store.all()) {
                    all.forEachRemaining(entry -> visitor.accept(entry.key, entry.value));
                }
            }

            @Override
            public void range(String from, String to, BiConsumer<String, V> visitor) {
                try (KeyValueIterator<String, V> range = store.range(from, to)) {
                    while (range.hasNext()) {
                        final KeyValue<String, V> entry = range.next();
                        if (entry.key.compareTo(to) < 0) {
                            visitor.accept(entry.key, entry.value);
                        }
                    }
                }
            }
        };
    }

    /** The member index: {@code cluster|member} sorts as {@link MemberKey} does, since ids are hex. */
    static <V> Store<MemberKey, V> byMember(KeyValueStore<String, V> store) {
        final Store<String, V> strings = byId(store);
        return new Store<>() {
            @Override
            public V get(MemberKey key) {
                return strings.get(encode(key));
            }

            @Override
            public void put(MemberKey key, V value) {
                strings.put(encode(key), value);
            }

            @Override
            public void delete(MemberKey key) {
                strings.delete(encode(key));
            }

            @Override
            public void scan(BiConsumer<MemberKey, V> visitor) {
                strings.scan((key, value) -> visitor.accept(decode(key), value));
            }

            @Override
            public void range(MemberKey from, MemberKey to, BiConsumer<MemberKey, V> visitor) {
                strings.range(encode(from), encode(to), (key, value) -> visitor.accept(decode(key), value));
            }
        };
    }

    /**
     * A store that keeps the values one step reads and writes as objects, and writes the changed
     * ones through when the step ends ({@link #flush}): a batch that touches one cluster a hundred
     * times decodes and encodes it once, not a hundred times (the Streams cache below holds bytes).
     */
    static final class StepBuffer<K extends Comparable<K>, V> implements Store<K, V> {

        private final Store<K, V> store;
        private final Map<K, Optional<V>> values = new HashMap<>();
        private final Set<K> changed = new HashSet<>();

        StepBuffer(Store<K, V> store) {
            this.store = store;
        }

        @Override
        public V get(K key) {
            final Optional<V> known = values.get(key);
            if (known != null) {
                return known.orElse(null);
            }
            final V value = store.get(key);
            values.put(key, Optional.ofNullable(value));
            return value;
        }

        @Override
        public void put(K key, V value) {
            values.put(key, Optional.of(value));
            changed.add(key);
        }

        @Override
        public void delete(K key) {
            values.put(key, Optional.empty());
            changed.add(key);
        }

        @Override
        public void scan(BiConsumer<K, V> visitor) {
            flush();
            store.scan(visitor);
        }

        @Override
        public void range(K from, K to, BiConsumer<K, V> visitor) {
            flush();
            store.range(from, to, visitor);
        }

        /** Writes what the step changed and forgets what it read. */
        void flush() {
            for (K key : changed) {
                final Optional<V> value = values.get(key);
                if (value.isPresent()) {
                    store.put(key, value.get());
                } else {
                    store.delete(key);
                }
            }
            changed.clear();
            values.clear();
        }
    }

    static String encode(MemberKey key) {
        return key.cluster() + SEPARATOR + key.member();
    }

    static MemberKey decode(String key) {
        final int at = key.indexOf(SEPARATOR);
        return new MemberKey(key.substring(0, at), key.substring(at + 1));
    }
}
