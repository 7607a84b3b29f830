package io.heatwire.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;

import io.heatwire.support.contract.RawRecordHeaders;

/** Publishes to the raw topic through spring-kafka's template (idempotent producer, acks=all). */
public final class KafkaArticlePublisher implements ArticlePublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final String topic;
    private final Clock clock;

    public KafkaArticlePublisher(KafkaTemplate<String, byte[]> template, String topic, Clock clock) {
        this.template = Objects.requireNonNull(template, "template");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public CompletableFuture<Published> publish(byte[] bytes, String key, String source) {
        final String sha256 = sha256Hex(bytes);
        final List<Header> headers = List.of(
                header(RawRecordHeaders.SOURCE, source),
                header(RawRecordHeaders.CONTENT_SHA256, sha256),
                header(
                        RawRecordHeaders.INGESTED_AT,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS).toString()));
        final ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, key, bytes, headers);
        try {
            return template.send(record).thenApply(result -> {
                final RecordMetadata metadata = result.getRecordMetadata();
                return new Published(metadata.topic(), metadata.partition(), metadata.offset(), sha256);
            });
        } catch (RuntimeException e) {
            // send() can throw before it returns a future (metadata timeout, serializer); callers see one shape.
            return CompletableFuture.failedFuture(e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
