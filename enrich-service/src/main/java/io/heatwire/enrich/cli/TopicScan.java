package io.heatwire.enrich.cli;

import java.time.Duration;
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
 * Reads a topic from the beginning to its current end without a consumer group (the summary must
 * not leave offsets behind), committed records only.
 */
final class TopicScan {

    private static final Duration MAX_SCAN = Duration.ofMinutes(5);

    private TopicScan() {
    }

    /** Hands every record to {@code sink}; returns the number of partitions, 0 when the topic is missing. */
    static int scan(KafkaClientSettings kafka, String topic, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        final Map<String, Object> config = kafka.consumer(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
        // No consumer group: a group.id from spring.kafka.consumer.* would only leave offsets behind.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            final List<TopicPartition> partitions =
                    infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final long deadline = System.nanoTime() + MAX_SCAN.toNanos();
            while (!reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(sink);
            }
            return partitions.size();
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
