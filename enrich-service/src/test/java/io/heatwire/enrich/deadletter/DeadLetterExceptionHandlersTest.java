package io.heatwire.enrich.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import io.heatwire.support.contract.DeadLetterHeaders;

class DeadLetterExceptionHandlersTest {

    private static final byte[] ORIGINAL = "---\ntitle: the original\n---\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldResumeWithADeadLetterCarryingTheSourceRecordAndTheErrorHeaders() {
        final DeadLetterExceptionHandlers.Processing handler = new DeadLetterExceptionHandlers.Processing();
        handler.configure(Map.of("errors.dead.letter.queue.topic.name", "dlq", "producer.max.request.size", "1048576"));

        final ProcessingExceptionHandler.Response response =
                handler.handleError(context(ORIGINAL), new Record<>("k", "v", 0L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("dlq");
            assertThat(letter.value()).isEqualTo(ORIGINAL);
            assertThat(letter.key()).isEqualTo("key".getBytes(StandardCharsets.UTF_8));
            assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.CODE))
                    .isEqualTo(DeadLetterHeaders.PROCESSING_ERROR);
            assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.MESSAGE))
                    .contains("boom")
                    .contains("parse-articles");
            assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET))
                    .isEqualTo("42");
            assertThat(DeadLetters.header(letter.headers(), "source")).isEqualTo("crawler");
        });
    }

    @Test
    void shouldOmitAnOriginalLargerThanTheProducerMaySend() {
        final DeadLetterExceptionHandlers.Production handler = new DeadLetterExceptionHandlers.Production();
        handler.configure(Map.of(
                "errors.dead.letter.queue.topic.name",
                "dlq",
                "producer.max.request.size",
                Integer.toString(DeadLetters.HEADROOM_BYTES + 10)));

        final ProducerRecord<byte[], byte[]> letter = handler.handleError(
                        context(ORIGINAL),
                        new ProducerRecord<>("out", new byte[0]),
                        new IllegalStateException("too large"))
                .deadLetterQueueRecords()
                .get(0);

        assertThat(letter.value()).isEmpty();
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.ORIGINAL_OMITTED))
                .startsWith(ORIGINAL.length + " bytes");
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.CODE))
                .isEqualTo(DeadLetterHeaders.OUTPUT_REJECTED);
    }

    private static ErrorHandlerContext context(byte[] value) {
        final Headers headers = new RecordHeaders();
        headers.add("source", "crawler".getBytes(StandardCharsets.UTF_8));
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "raw";
            }

            @Override
            public int partition() {
                return 1;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return headers;
            }

            @Override
            public String processorNodeId() {
                return "parse-articles";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 1);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return "key".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] sourceRawValue() {
                return value;
            }
        };
    }
}
