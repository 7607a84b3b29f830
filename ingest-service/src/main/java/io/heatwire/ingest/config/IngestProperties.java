package io.heatwire.ingest.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.heatwire.support.contract.DefaultTopics;

/**
 * Everything ingest-service reads from {@code heatwire.*}; Kafka client settings stay under
 * {@code spring.kafka.*}.
 */
@ConfigurationProperties("heatwire")
public record IngestProperties(
        @DefaultValue RawTopic topics, @DefaultValue Ingest ingest) {

    /** The raw topic and how to create it when it does not exist yet. */
    public record RawTopic(
            @DefaultValue(DefaultTopics.RAW) String raw,
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor) {

        public RawTopic {
            if (raw == null || raw.isBlank()) {
                throw new IllegalArgumentException("heatwire.topics.raw must not be blank");
            }
            if (partitions < 1 || replicationFactor < 1) {
                throw new IllegalArgumentException(
                        "heatwire.topics.partitions and replication-factor must be at least 1");
            }
        }
    }

    /** Limits and the three ways documents come in. */
    public record Ingest(
            @DefaultValue("1048576") long maxDocumentBytes,
            @DefaultValue("") String token,
            @DefaultValue Spool spool,
            @DefaultValue Http http) {

        public Ingest {
            // The limit is also the size of the read buffer, so it has to fit in an array.
            if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(
                        "heatwire.ingest.max-document-bytes must be between 1 and " + (Integer.MAX_VALUE - 16));
            }
            token = token == null ? "" : token.strip();
        }

        public boolean tokenRequired() {
            return !token.isEmpty();
        }
    }

    /**
     * Spool directory (watch mode), on when {@code dir} is set.
     *
     * @param sendTimeout how long one poll waits for the broker before leaving files for the next poll
     * @param maxFilesPerPoll bounds the documents held in memory by one poll
     */
    public record Spool(
            @DefaultValue("") String dir,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("2s") Duration settleTime,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("100") int maxFilesPerPoll) {

        public Spool {
            dir = dir == null ? "" : dir.strip();
            requirePositive("heatwire.ingest.spool.poll-interval", pollInterval);
            requirePositive("heatwire.ingest.spool.send-timeout", sendTimeout);
            if (settleTime.isNegative()) {
                throw new IllegalArgumentException("heatwire.ingest.spool.settle-time must not be negative");
            }
            if (maxFilesPerPoll < 1) {
                throw new IllegalArgumentException("heatwire.ingest.spool.max-files-per-poll must be at least 1");
            }
        }

        public boolean enabled() {
            return !dir.isEmpty();
        }
    }

    /**
     * HTTP endpoint.
     *
     * @param sendTimeout how long a request waits for the broker's acknowledgement before answering 503
     * @param retryAfter the Retry-After a 503 answer suggests
     */
    public record Http(
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("5s") Duration retryAfter) {

        public Http {
            requirePositive("heatwire.ingest.http.send-timeout", sendTimeout);
            requirePositive("heatwire.ingest.http.retry-after", retryAfter);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
