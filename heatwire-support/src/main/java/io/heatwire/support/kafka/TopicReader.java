package io.heatwire.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning to the end it had when the read began: committed records only,
 * without a consumer group (a read leaves no offsets behind), partition by partition in offset
 * order. What the summary command, the benchmark's structure check and the tests use to see a
 * topic as its consumers do.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private TopicReader() {}

    /**
     * Hands every record of the topic to {@code each}.
     *
     * @param clientConfig bootstrap servers and, for a secured broker, its security settings; a
     *                     {@code group.id} in it is ignored
     * @return the topic's partition count; 0 when the topic does not exist
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static int readToEnd(
            Map<String, Object> clientConfig,
            String topic,
            Duration timeout,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        final List<TopicPartition> partitions = partitions(clientConfig, topic);
        readToEnd(clientConfig, partitions, timeout, each);
        return partitions.size();
    }

    /** {@link #readToEnd(Map, String, Duration, Consumer)} for some partitions only (of any topics). */
    public static void readToEnd(
            Map<String, Object> clientConfig,
            Collection<TopicPartition> partitions,
            Duration timeout,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        if (partitions.isEmpty()) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(clientConfig)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + partitions + " to the end within " + timeout);
                }
                consumer.poll(POLL).forEach(each);
            }
        }
    }

    /** The topic's partitions; empty when the topic does not exist. */
    public static List<TopicPartition> partitions(Map<String, Object> clientConfig, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(clientConfig)) {
            final List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            return infos == null
                    ? List.of()
                    : infos.stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> clientConfig) {
        final Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
