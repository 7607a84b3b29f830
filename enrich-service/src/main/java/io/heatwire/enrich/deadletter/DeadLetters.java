package io.heatwire.enrich.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import io.heatwire.support.contract.DeadLetterHeaders;

/**
 * The dead-letter record format (SPEC 4): the value and key are the original bytes, unchanged;
 * the original headers are kept and heatwire's error headers ({@link DeadLetterHeaders}) are
 * added. Replaying a dead letter means producing its key, value and headers back to the raw
 * topic; the error headers are replaced if it fails again.
 */
public final class DeadLetters {

    /** Room left for the key and headers of a dead letter below the producer's request size. */
    public static final int HEADROOM_BYTES = 64 * 1024;

    private static final int MAX_MESSAGE_CHARS = 2000;

    private DeadLetters() {}

    /** Where the failed record came from, and what went wrong with it. */
    public record Failure(String code, String message, Integer line, Integer column) {

        public static Failure of(String code, String message) {
            return new Failure(code, message, null, null);
        }
    }

    /**
     * The original headers with the error headers of this failure, replacing those of an earlier
     * failure of the same record.
     */
    public static Headers headers(Headers original, Failure failure, String topic, int partition, long offset) {
        final RecordHeaders headers = new RecordHeaders();
        if (original != null) {
            for (Header header : original) {
                if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                    headers.add(header);
                }
            }
        }
        add(headers, DeadLetterHeaders.CODE, failure.code());
        add(headers, DeadLetterHeaders.MESSAGE, truncate(failure.message()));
        if (failure.line() != null) {
            add(headers, DeadLetterHeaders.LINE, failure.line().toString());
        }
        if (failure.column() != null) {
            add(headers, DeadLetterHeaders.COLUMN, failure.column().toString());
        }
        if (topic != null) {
            add(headers, DeadLetterHeaders.SOURCE_TOPIC, topic);
            add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(partition));
            add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(offset));
        }
        return headers;
    }

    /** A dead letter for a failure that a Kafka Streams exception handler reports. */
    public static ProducerRecord<byte[], byte[]> fromHandler(
            String deadLetterTopic, ErrorHandlerContext context, String code, Exception exception, int maxValueBytes) {
        final String message = exception.getClass().getSimpleName() + ": " + exception.getMessage() + " (in "
                + context.processorNodeId() + ")";
        final Headers headers = headers(
                context.headers(), Failure.of(code, message), context.topic(), context.partition(), context.offset());
        return new ProducerRecord<>(
                deadLetterTopic,
                null,
                context.sourceRawKey(),
                fitted(context.sourceRawValue(), maxValueBytes, headers),
                headers);
    }

    /**
     * The original value, or an empty one when it is larger than a dead letter may be: a record the
     * producer refuses would fail the transaction and stop the application, so the dead letter
     * then names where the original stays (the source coordinates) instead of carrying it.
     */
    public static byte[] fitted(byte[] original, int maxValueBytes, Headers headers) {
        if (original == null || original.length <= maxValueBytes) {
            return original;
        }
        add(
                headers,
                DeadLetterHeaders.ORIGINAL_OMITTED,
                original.length + " bytes, over the " + maxValueBytes
                        + "-byte dead-letter limit (heatwire.dead-letters.max-record-bytes); read it at the source offset");
        return new byte[0];
    }

    /** The largest value a dead letter carries, from the Streams producer's request size. */
    public static int maxValueBytes(Map<String, ?> streamsConfigs) {
        Object size = streamsConfigs.get("producer.max.request.size");
        if (size == null) {
            size = streamsConfigs.get("max.request.size");
        }
        final int requestSize = size == null ? 1024 * 1024 : Integer.parseInt(size.toString());
        return Math.max(0, requestSize - HEADROOM_BYTES);
    }

    public static String header(Headers headers, String key) {
        final Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
