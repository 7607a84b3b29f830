package io.heatwire.benchmarks.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Sees when each article's story becomes visible: a read_committed consumer of the stories topic
 * that notes the moment it first reads an ARTICLE record for an article's story id. loadgen names
 * each document after the first 16 hex digits of its story id, which maps records back to articles.
 */
final class LatencyProbe implements AutoCloseable {

    static final String ARTICLE = "ARTICLE";
    private static final int PREFIX = 16;

    private final Map<String, Integer> articleByPrefix;
    private final long[] visibleMillis;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    private LatencyProbe(final String bootstrapServers, final String topic, final Corpus corpus) {
        articleByPrefix = new HashMap<>(corpus.size() * 2);
        for (int i = 0; i < corpus.size(); i++) {
            articleByPrefix.put(prefixOfName(corpus.name(i)), i);
        }
        visibleMillis = new long[corpus.size()];
        thread = new Thread(() -> run(bootstrapServers, topic), "latency-probe");
        thread.setDaemon(true);
    }

    /**
     * Starts reading {@code topic} from its end, so that stories already there (a warm-up's) are
     * never read; returns once its partitions are assigned and positioned.
     */
    static LatencyProbe start(final String bootstrapServers, final String topic, final Corpus corpus)
            throws InterruptedException {
        final LatencyProbe probe = new LatencyProbe(bootstrapServers, topic, corpus);
        probe.thread.start();
        probe.assigned.await();
        if (probe.failure.get() != null) {
            throw new IllegalStateException("the latency probe could not start", probe.failure.get());
        }
        return probe;
    }

    /** The story id prefix a loadgen document name carries: {@code 0000042_<16 hex digits>.txt}. */
    static String prefixOfName(final String name) {
        final int underscore = name.indexOf('_');
        return name.substring(underscore + 1, underscore + 1 + PREFIX);
    }

    /**
     * Stops reading once every article was seen or {@code timeout} passed, and returns each
     * article's latency in milliseconds (-1 for the articles never seen).
     */
    long[] finish(final long[] sendMillis, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.get() < visibleMillis.length && System.nanoTime() < deadline && thread.isAlive()) {
            Thread.sleep(50);
        }
        close();
        if (failure.get() != null) {
            throw new IllegalStateException("the latency probe failed", failure.get());
        }
        final long[] latencies = new long[visibleMillis.length];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = visibleMillis[i] == 0 ? -1 : Math.max(0, visibleMillis[i] - sendMillis[i]);
        }
        return latencies;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(final String bootstrapServers, final String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.consumer(bootstrapServers, true)) {
            final List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            final List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            assigned.countDown();
            while (running) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    observe(record, System.currentTimeMillis());
                }
            }
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            assigned.countDown();
        }
    }

    private void observe(final ConsumerRecord<byte[], byte[]> record, final long now) {
        if (record.key() == null || record.value() == null || record.key().length < PREFIX) {
            return;
        }
        final Integer article = articleByPrefix.get(new String(record.key(), 0, PREFIX, StandardCharsets.US_ASCII));
        if (article == null || visibleMillis[article] != 0) {
            return;
        }
        if (ARTICLE.equals(StoryJson.field(record.value(), "kind"))) {
            visibleMillis[article] = now;
            seen.incrementAndGet();
        }
    }
}
