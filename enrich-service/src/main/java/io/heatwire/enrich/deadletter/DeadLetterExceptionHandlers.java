package io.heatwire.enrich.deadletter;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.heatwire.support.contract.DeadLetterHeaders;
import io.heatwire.support.contract.MetricNames;

/**
 * Kafka Streams exception handlers that turn an unexpected failure into a dead letter and go on,
 * so a poison record never stops the application or makes it restart in a loop. The parser's
 * expected rejections do not come here: the topology dead-letters those itself.
 *
 * <p>Each reads the dead-letter topic from {@code errors.dead.letter.queue.topic.name}.
 */
public final class DeadLetterExceptionHandlers {

    /** Every code the handlers dead-letter with, so their counters can exist before the first failure. */
    public static final List<String> CODES = List.of(
            DeadLetterHeaders.PROCESSING_ERROR, DeadLetterHeaders.OUTPUT_REJECTED, DeadLetterHeaders.UNREADABLE_RECORD);

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandlers.class);

    private DeadLetterExceptionHandlers() {}

    /** Where dead letters go and how large their value may be, read from the Streams configs. */
    private abstract static class DeadLettering implements Configurable {

        private String topic;
        private int maxValueBytes;

        @Override
        public void configure(Map<String, ?> configs) {
            topic = Objects.requireNonNull(
                    (String) configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG),
                    StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " must name the dead-letter topic");
            maxValueBytes = DeadLetters.maxValueBytes(configs);
        }

        List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, String code, Exception exception) {
            // Streams creates the handlers itself, so they count through Micrometer's global registry,
            // which Spring Boot's registries are bound to.
            Metrics.counter(MetricNames.DEAD_LETTERS, MetricNames.CODE_TAG, code)
                    .increment();
            // Never log the record: it may carry a `secured` field.
            LOG.error(
                    "dead-lettering the record at {}-{}@{} ({}) after {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    code,
                    exception.toString());
            return List.of(DeadLetters.fromHandler(topic, context, code, exception, maxValueBytes));
        }
    }

    /** A bug or an unexpected input in a processor. */
    public static final class Processing extends DeadLettering implements ProcessingExceptionHandler {

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            return Response.resume(deadLetter(context, DeadLetterHeaders.PROCESSING_ERROR, exception));
        }
    }

    /** A record the broker refused for good (too large, invalid); retriable errors are retried. */
    public static final class Production extends DeadLettering implements ProductionExceptionHandler {

        @Override
        public Response handleError(
                ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            return Response.resume(deadLetter(context, DeadLetterHeaders.OUTPUT_REJECTED, exception));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Response handleSerializationError(
                ErrorHandlerContext context,
                ProducerRecord record,
                Exception exception,
                SerializationExceptionOrigin origin) {
            return Response.resume(deadLetter(context, DeadLetterHeaders.OUTPUT_REJECTED, exception));
        }
    }

    /** A record on an input topic that its serde cannot read. */
    public static final class Deserialization extends DeadLettering implements DeserializationExceptionHandler {

        @Override
        public Response handleError(
                ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            return Response.resume(deadLetter(context, DeadLetterHeaders.UNREADABLE_RECORD, exception));
        }
    }
}
