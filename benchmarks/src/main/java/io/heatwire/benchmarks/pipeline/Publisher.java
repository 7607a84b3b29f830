package io.heatwire.benchmarks.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.heatwire.support.contract.RawRecordHeaders;

/**
 * Publishes a corpus to the raw topic as loadgen does: the document bytes unchanged, the document
 * name as key, the {@code ingested-at} header; the record timestamp is the moment of the send,
 * which the latency is measured from.
 */
final class Publisher {

    /**
     * What was published.
     *
     * @param sendMillis     each document's record timestamp
     * @param startNanos     the first send
     * @param finishedNanos  every send acknowledged
     */
    record Published(long[] sendMillis, long startNanos, long finishedNanos) {

        double rate() {
            return sendMillis.length / ((finishedNanos - startNanos) / 1e9);
        }
    }

    private Publisher() {}

    /**
     * Sends every document; {@code rate} per second when positive, else as fast as the producer
     * takes them. Fails when any send fails.
     */
    static Published publish(
            final String bootstrapServers,
            final String topic,
            final Corpus corpus,
            final double rate,
            final ProgressLine progress) {
        final long[] sendMillis = new long[corpus.size()];
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<Exception> firstFailure = new AtomicReference<>();
        final long start;
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(bootstrapServers, "heatwire-benchmark")) {
            // Connect and fetch metadata before the clock starts.
            producer.partitionsFor(topic);
            start = System.nanoTime();
            final Pacer pacer = new Pacer(start, rate);
            for (int i = 0; i < corpus.size(); i++) {
                pacer.awaitTurn(i);
                final long now = System.currentTimeMillis();
                sendMillis[i] = now;
                final RecordHeaders headers = new RecordHeaders();
                headers.add(
                        RawRecordHeaders.INGESTED_AT,
                        Instant.ofEpochMilli(now)
                                .truncatedTo(ChronoUnit.MILLIS)
                                .toString()
                                .getBytes(StandardCharsets.UTF_8));
                producer.send(
                        new ProducerRecord<>(topic, null, now, corpus.name(i), corpus.document(i), headers),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, exception);
                            }
                        });
                if (rate > 0 && i % 256 == 0) {
                    progress.update(
                            String.format(Locale.ROOT, "publishing at %.0f/s: %,d of %,d", rate, i, corpus.size()));
                }
            }
            producer.flush();
        }
        final long finished = System.nanoTime();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " documents could not be published", firstFailure.get());
        }
        return new Published(sendMillis, start, finished);
    }
}
