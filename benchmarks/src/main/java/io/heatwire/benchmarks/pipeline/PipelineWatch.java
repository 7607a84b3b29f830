package io.heatwire.benchmarks.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until enrich-service has consumed and committed everything: the approach of its
 * {@code summary --wait-seconds} command. Nothing left on the raw topic, at most a transaction
 * marker left on its internal topics, and the committed offsets and the outputs' committed end
 * offsets unchanged for longer than the emit interval plus a commit. The run ends at the last
 * change seen, not when the stillness was confirmed.
 */
final class PipelineWatch {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration SETTLE = Duration.ofSeconds(3);

    /** What a wait saw: when the committed offsets or the outputs last changed. */
    record Caught(long lastChangeNanos) {
    }

    private final Admin admin;
    private final String applicationId;
    private final String rawTopic;
    private final Set<String> internalTopics;
    private final Set<String> outputTopics;

    PipelineWatch(final Admin admin, final String applicationId, final String rawTopic,
            final Set<String> internalTopics, final Set<String> outputTopics) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.rawTopic = rawTopic;
        this.internalTopics = Set.copyOf(internalTopics);
        this.outputTopics = Set.copyOf(outputTopics);
    }

    /**
     * Polls until caught up; fails when nothing changed for {@code stall} or {@code alive} turns
     * false. {@code total} is what the raw topic will hold, for the progress line.
     */
    Caught await(final long total, final long startNanos, final Duration stall, final BooleanSupplier alive,
            final ProgressLine progress) throws InterruptedException {
        Map<TopicPartition, Long> previous = Map.of();
        long lastChange = System.nanoTime();
        while (true) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("enrich-service exited while the benchmark waited for it");
            }
            try {
                final Map<TopicPartition, Long> committed = committedOffsets();
                final Map<TopicPartition, Long> ends = endOffsets(inputPartitions());
                long rawLag = 0;
                long internalLag = 0;
                boolean internalWithinMarkers = true;
                long rawCommitted = 0;
                for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    final long position = committed.getOrDefault(end.getKey(), 0L);
                    final long behind = Math.max(0, end.getValue() - position);
                    if (end.getKey().topic().equals(rawTopic)) {
                        rawLag += behind;
                        rawCommitted += position;
                    } else {
                        internalLag += behind;
                        internalWithinMarkers &= behind <= 1;
                    }
                }
                final Map<TopicPartition, Long> snapshot = new HashMap<>(committed);
                snapshot.putAll(endOffsets(partitions(outputTopics)));
                snapshot.putAll(ends);
                final long now = System.nanoTime();
                if (!snapshot.equals(previous)) {
                    lastChange = now;
                    previous = snapshot;
                }
                final boolean rawDone = rawLag == 0 && rawCommitted >= total;
                if (rawDone && internalWithinMarkers && now - lastChange >= SETTLE.toNanos()) {
                    progress.done();
                    return new Caught(lastChange);
                }
                if (now - lastChange >= stall.toNanos()) {
                    progress.done();
                    throw new IllegalStateException("enrich-service made no progress for " + stall.toSeconds()
                            + " s (raw " + rawCommitted + " of " + total + " committed, internal lag " + internalLag + ")");
                }
                final double seconds = (now - startNanos) / 1e9;
                progress.update(String.format(Locale.ROOT,
                        "enrich-service: %,d of %,d raw records committed (%.0f%%), %,.0f articles/s, internal lag %,d, %.0f s",
                        rawCommitted, total, 100.0 * rawCommitted / total, rawCommitted / Math.max(seconds, 1e-3),
                        internalLag, seconds));
            } catch (ExecutionException e) {
                progress.update("waiting for the broker: " + e.getCause().getMessage());
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    Map<TopicPartition, Long> committedOffsets() throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        final Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                result.put(partition, offset.offset());
            }
        });
        return result;
    }

    private Set<TopicPartition> inputPartitions() throws ExecutionException, InterruptedException {
        final Set<String> inputs = admin.listTopics().names().get().stream()
                .filter(name -> name.equals(rawTopic) || internalTopics.contains(name)
                        || name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                .collect(Collectors.toSet());
        return partitions(inputs);
    }

    Set<TopicPartition> partitions(final Set<String> topics) throws ExecutionException, InterruptedException {
        final Set<String> existing = admin.listTopics().names().get().stream()
                .filter(topics::contains).collect(Collectors.toSet());
        final Map<String, TopicDescription> descriptions = admin.describeTopics(existing).allTopicNames().get();
        return descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    Map<TopicPartition, Long> endOffsets(final Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        final Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }
}
