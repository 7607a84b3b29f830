package io.heatwire.benchmarks.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The raw broker rate of the same documents: produced to a scratch topic with the producer the
 * pipeline is fed with while one plain consumer reads them back; then the topic is deleted.
 */
final class BrokerBaseline {

    static final String SCRATCH_TOPIC = "heatwire-benchmark.scratch";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private BrokerBaseline() {}

    static RunResult.BrokerRate measure(
            final String bootstrapServers, final int partitions, final Corpus corpus, final ProgressLine progress)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = KafkaClients.admin(bootstrapServers)) {
            KafkaClients.createTopic(admin, SCRATCH_TOPIC, partitions);
            final AtomicLong consumed = new AtomicLong();
            final AtomicLong lastConsumedNanos = new AtomicLong();
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final CountDownLatch assigned = new CountDownLatch(1);
            final Thread reader = new Thread(
                    () -> {
                        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(bootstrapServers, false)) {
                            final List<TopicPartition> topicPartitions = IntStream.range(0, partitions)
                                    .mapToObj(p -> new TopicPartition(SCRATCH_TOPIC, p))
                                    .toList();
                            consumer.assign(topicPartitions);
                            consumer.seekToBeginning(topicPartitions);
                            topicPartitions.forEach(consumer::position);
                            assigned.countDown();
                            final long deadline = System.nanoTime() + TIMEOUT.toNanos();
                            while (consumed.get() < corpus.size() && System.nanoTime() < deadline) {
                                final ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                                if (!records.isEmpty()) {
                                    consumed.addAndGet(records.count());
                                    lastConsumedNanos.set(System.nanoTime());
                                }
                            }
                        } catch (RuntimeException e) {
                            failure.set(e);
                        } finally {
                            assigned.countDown();
                        }
                    },
                    "broker-baseline-consumer");
            reader.start();
            assigned.await();
            final Publisher.Published published =
                    Publisher.publish(bootstrapServers, SCRATCH_TOPIC, corpus, 0, progress);
            reader.join(TIMEOUT.toMillis());
            if (failure.get() != null) {
                throw new IllegalStateException("the broker baseline's consumer failed", failure.get());
            }
            if (consumed.get() != corpus.size()) {
                throw new IllegalStateException(
                        "the broker baseline read back " + consumed.get() + " of " + corpus.size() + " documents");
            }
            admin.deleteTopics(List.of(SCRATCH_TOPIC)).all().get(60, TimeUnit.SECONDS);
            return new RunResult.BrokerRate(
                    corpus.size(),
                    corpus.bytes(),
                    (published.finishedNanos() - published.startNanos()) / 1e9,
                    (lastConsumedNanos.get() - published.startNanos()) / 1e9);
        }
    }
}
