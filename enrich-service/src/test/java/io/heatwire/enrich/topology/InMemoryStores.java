package io.heatwire.enrich.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** State stores for a processor tested on its own: in memory, kept across its restarts. */
public final class InMemoryStores {

    private InMemoryStores() {}

    /** Adds a store with string keys to {@code context}, where a processor's {@code init} finds it by name. */
    public static <V> void add(MockProcessorContext<?, ?> context, String name, Serde<V> serde) {
        final KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
