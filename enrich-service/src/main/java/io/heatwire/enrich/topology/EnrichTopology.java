package io.heatwire.enrich.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;

/**
 * The enrich topology as a plain function of a {@link StreamsBuilder}: production and every test
 * build it through {@link #build}.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static void build(StreamsBuilder builder, Topics topics) {
        builder.stream(topics.raw().name(), topics.raw().consumed(Names.RAW_SOURCE))
                // Parsing, identity, clustering and aggregation attach here as the pipeline grows.
                .foreach((key, value) -> { }, Named.as(Names.RECEIVE_RAW));
    }
}
