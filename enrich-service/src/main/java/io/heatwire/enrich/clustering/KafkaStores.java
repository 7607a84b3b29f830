package io.heatwire.enrich.clustering;

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

    static String encode(MemberKey key) {
        return key.cluster() + SEPARATOR + key.member();
    }

    static MemberKey decode(String key) {
        final int at = key.indexOf(SEPARATOR);
        return new MemberKey(key.substring(0, at), key.substring(at + 1));
    }
}
