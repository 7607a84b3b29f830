package io.heatwire.enrich.topology;

/**
 * Every operator, store and internal topic name of the topology. Kafka Streams derives
 * changelog and repartition topic names from these, so renaming code must never rename them.
 */
public final class Names {

    public static final String RAW_SOURCE = "raw-articles-source";
    public static final String RECEIVE_RAW = "receive-raw-article";

    private Names() {
    }
}
