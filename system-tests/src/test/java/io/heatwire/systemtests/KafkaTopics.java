package io.heatwire.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.support.kafka.TopicReader;

/** Plain Kafka clients for what end-to-end tests publish and read back. */
final class KafkaTopics {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private KafkaTopics() {}

    /**
     * Publishes the documents, in order, to every topic given: the same keys, bytes, timestamps and
     * {@code ingested-at} headers on each, so every pipeline reading one of them sees the same
     * versions. Document {@code i} is ingested at {@code firstIngestion} plus {@code i} milliseconds.
     */
    static void publish(
            String bootstrapServers, List<String> topics, List<RawDocument> documents, Instant firstIngestion) {
        final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            final RawDocument document = documents.get(i);
            final Instant ingestedAt = firstIngestion.plusMillis(i);
            for (String topic : topics) {
                final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                        topic,
                        null,
                        ingestedAt.toEpochMilli(),
                        document.key().getBytes(StandardCharsets.UTF_8),
                        document.value());
                record.headers().add("ingested-at", ingestedAt.toString().getBytes(StandardCharsets.UTF_8));
                records.add(record);
            }
        }
        send(bootstrapServers, records, "publishing to " + topics);
    }

    /**
     * One request in flight: a test publishes right after the broker and its topics start, when
     * partitions answer NOT_LEADER_OR_FOLLOWER for a moment; with several batches in flight the
     * idempotent producer could retry the first after the broker accepted later ones, which the
     * broker rejects as out of order until the delivery timeout ends the test.
     */
    private static void send(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records, String what) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            final AtomicReference<Exception> failure = new AtomicReference<>();
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException(what + " failed", failure.get());
            }
        }
    }

    /** The latest value of every key of a compacted topic, as committed; a tombstone removes its key. */
    static Map<String, JsonNode> latestValues(String bootstrapServers, String topic) {
        return latestValues(plain(bootstrapServers), topic);
    }

    /**
     * {@link #latestValues(String, String)} with a client configured by {@code clientConfig}
     * (bootstrap servers and, for a secured broker, its security settings).
     */
    static Map<String, JsonNode> latestValues(Map<String, Object> clientConfig, String topic) {
        final Map<String, byte[]> latest = new HashMap<>();
        readCommitted(clientConfig, topic, record -> {
            final String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, record.value());
            }
        });
        // Parsed once per key: a merge rewrites a story many times.
        final Map<String, JsonNode> values = new HashMap<>();
        latest.forEach((key, value) -> values.put(key, JSON.readTree(value)));
        return values;
    }

    /** A topic's committed records, whole (key, value, headers), in partition order. */
    static List<ConsumerRecord<byte[], byte[]>> records(String bootstrapServers, String topic) {
        return records(plain(bootstrapServers), topic);
    }

    /** {@link #records(String, String)} with a client configured by {@code clientConfig}. */
    static List<ConsumerRecord<byte[], byte[]>> records(Map<String, Object> clientConfig, String topic) {
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        readCommitted(clientConfig, topic, records::add);
        return records;
    }

    /** How many committed records a topic holds. */
    static long count(String bootstrapServers, String topic) {
        return count(plain(bootstrapServers), topic);
    }

    /** {@link #count(String, String)} with a client configured by {@code clientConfig}. */
    static long count(Map<String, Object> clientConfig, String topic) {
        final long[] count = {0};
        readCommitted(clientConfig, topic, record -> count[0]++);
        return count[0];
    }

    /** The values of a topic's committed records, in partition order. */
    static List<byte[]> values(String bootstrapServers, String topic) {
        final List<byte[]> values = new ArrayList<>();
        readCommitted(bootstrapServers, topic, record -> values.add(record.value()));
        return values;
    }

    /**
     * Copies a topic's committed records to another topic with as many partitions: each to the same
     * partition, with its key, value, timestamp and headers. Returns how many it copied.
     */
    static long copy(String bootstrapServers, String from, String to) {
        final List<ProducerRecord<byte[], byte[]>> copies = new ArrayList<>();
        readCommitted(
                bootstrapServers,
                from,
                record -> copies.add(new ProducerRecord<>(
                        to, record.partition(), record.timestamp(), record.key(), record.value(), record.headers())));
        send(bootstrapServers, copies, "copying " + from + " to " + to);
        return copies.size();
    }

    private static void readCommitted(
            String bootstrapServers, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        readCommitted(plain(bootstrapServers), topic, each);
    }

    private static void readCommitted(
            Map<String, Object> clientConfig, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        TopicReader.readToEnd(clientConfig, topic, READ_TIMEOUT, each);
    }

    /** The value of a record's last header of that name, as UTF-8; null when it has none. */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> plain(String bootstrapServers) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
}
