package io.heatwire.ingest;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what tests published to a topic on a shared broker: {@link #mark()} the end offsets before
 * acting, then {@link #awaitRecords} from there, so tests sharing one broker never see each other's
 * records.
 */
public final class RawTopicProbe implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;

    public RawTopicProbe(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** The current end of every partition; waits until the topic exists. */
    public Map<TopicPartition, Long> mark() {
        return consumer.endOffsets(partitions());
    }

    /** The start of every partition, for a topic only this test writes to. */
    public Map<TopicPartition, Long> beginning() {
        return consumer.beginningOffsets(partitions());
    }

    private List<TopicPartition> partitions() {
        final List<TopicPartition> partitions = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            partitions.clear();
            consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            return !partitions.isEmpty();
        });
        return partitions;
    }

    /** Waits for exactly {@code count} records after the mark, then checks no more follow in a short poll. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Map<TopicPartition, Long> mark, int count) {
        consumer.assign(mark.keySet());
        mark.forEach(consumer::seek);
        final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= count;
        });
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Map<String, ConsumerRecord<String, byte[]>> byKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, r -> r, (a, b) -> b));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
