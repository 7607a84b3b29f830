package io.heatwire.enrich.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with its serdes, built once and handed to the topology.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Consumed<K, V> consumed(String operatorName) {
        return Consumed.with(keySerde, valueSerde).withName(operatorName);
    }

    public Produced<K, V> produced(String operatorName) {
        return Produced.with(keySerde, valueSerde).withName(operatorName);
    }
}
