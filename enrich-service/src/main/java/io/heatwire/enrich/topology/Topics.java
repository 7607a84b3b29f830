package io.heatwire.enrich.topology;

import org.apache.kafka.common.serialization.Serdes;

import io.heatwire.enrich.config.EnrichProperties;

/**
 * The topics the topology reads and writes. The raw topic is read as bytes, never decoded by a
 * serde: a record the parser rejects must reach the dead-letter topic byte for byte.
 */
public record Topics(Topic<byte[], byte[]> raw, Topic<byte[], byte[]> deadLetters) {

    public static Topics from(EnrichProperties.Topics names) {
        return new Topics(
                new Topic<>(names.raw(), Serdes.ByteArray(), Serdes.ByteArray()),
                new Topic<>(names.dlq(), Serdes.ByteArray(), Serdes.ByteArray()));
    }
}
