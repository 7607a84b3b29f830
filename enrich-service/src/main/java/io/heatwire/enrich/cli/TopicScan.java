package io.heatwire.enrich.cli;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.heatwire.support.kafka.TopicReader;

/**
 * Reads a topic from the beginning to its current end without a consumer group (the summary must
 * not leave offsets behind), committed records only, with the command line's Kafka settings.
 */
final class TopicScan {

    private static final Duration MAX_SCAN = Duration.ofMinutes(5);

    private TopicScan() {}

    /** Hands every record to {@code sink}; returns the number of partitions, 0 when the topic is missing. */
    static int scan(KafkaClientSettings kafka, String topic, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        return TopicReader.readToEnd(kafka.consumer(Map.of()), topic, MAX_SCAN, sink);
    }
}
