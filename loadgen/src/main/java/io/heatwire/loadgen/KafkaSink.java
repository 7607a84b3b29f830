package io.heatwire.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.heatwire.corpus.GeneratedDocument;
import io.heatwire.support.contract.DefaultTopics;
import io.heatwire.support.contract.RawRecordHeaders;

/**
 * Publishes each document to the raw topic as ingest-service would: the document bytes unchanged,
 * the document name as key, and the {@code ingested-at} header (ISO-8601, milliseconds).
 */
final class KafkaSink implements DocumentSink {

    static final String DEFAULT_TOPIC = DefaultTopics.RAW;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String description;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    KafkaSink(final Producer<String, byte[]> producer, final String topic, final String description) {
        this.producer = producer;
        this.topic = topic;
        this.description = description;
    }

    /**
     * A producer tuned for throughput to one broker; {@code overrides} win over every default. Fails
     * at once when the topic does not exist: the producer would otherwise wait a minute per record.
     */
    static KafkaSink open(final String bootstrapServers, final String topic, final Map<String, String> overrides)
            throws IOException {
        requireTopic(bootstrapServers, topic, overrides);
        final Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "heatwire-loadgen");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        properties.putAll(overrides);
        final Producer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        return new KafkaSink(producer, topic, "published to " + topic + " at " + bootstrapServers);
    }

    private static void requireTopic(
            final String bootstrapServers, final String topic, final Map<String, String> overrides) throws IOException {
        final Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Only what a connection needs: producer settings would be reported as unknown.
        overrides.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                properties.put(key, value);
            }
        });
        try (Admin admin = Admin.create(properties)) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IOException(
                        "topic " + topic + " does not exist at " + bootstrapServers
                                + "; enrich-service and ingest-service create it when they start",
                        e);
            }
            throw new IOException("cannot reach " + bootstrapServers + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IOException("no answer from " + bootstrapServers + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while looking up topic " + topic, e);
        }
    }

    @Override
    public void write(final GeneratedDocument document) {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(
                RawRecordHeaders.INGESTED_AT,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString().getBytes(StandardCharsets.UTF_8));
        producer.send(
                new ProducerRecord<>(topic, null, document.name(), document.bytes(), headers),
                (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, exception);
                    }
                });
    }

    @Override
    public long finish() {
        producer.flush();
        return failed.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** The first send that failed, or null. */
    Exception firstFailure() {
        return firstFailure.get();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        producer.close();
    }
}
