package io.heatwire.benchmarks.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import io.heatwire.support.kafka.ApplicationOffsets;

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
    record Caught(long lastChangeNanos) {}

    private final ApplicationOffsets offsets;

    PipelineWatch(
            final Admin admin,
            final String applicationId,
            final String rawTopic,
            final Set<String> internalTopics,
            final Set<String> outputTopics) {
        this.offsets = new ApplicationOffsets(admin, applicationId, rawTopic, internalTopics, outputTopics);
    }

    /**
     * Polls until caught up; fails when nothing changed for {@code stall} or {@code alive} turns
     * false. {@code already} records were on the raw topic and processed before (a warm-up);
     * {@code total} more are coming, for the progress line.
     */
    Caught await(
            final long already,
            final long total,
            final long startNanos,
            final Duration stall,
            final BooleanSupplier alive,
            final ProgressLine progress)
            throws InterruptedException {
        ApplicationOffsets.Snapshot previous = null;
        long lastChange = System.nanoTime();
        while (true) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("enrich-service exited while the benchmark waited for it");
            }
            try {
                final ApplicationOffsets.Snapshot snapshot = offsets.snapshot();
                final long rawCommitted = snapshot.rawCommitted() - already;
                final long now = System.nanoTime();
                if (!snapshot.equals(previous)) {
                    lastChange = now;
                    previous = snapshot;
                }
                final boolean rawDone = snapshot.rawLag() == 0 && rawCommitted >= total;
                if (rawDone && snapshot.internalWithinMarkers() && now - lastChange >= SETTLE.toNanos()) {
                    progress.done();
                    return new Caught(lastChange);
                }
                if (now - lastChange >= stall.toNanos()) {
                    progress.done();
                    throw new IllegalStateException("enrich-service made no progress for " + stall.toSeconds()
                            + " s (raw " + rawCommitted + " of " + total + " committed, internal lag "
                            + snapshot.internalLag() + ")");
                }
                final double seconds = (now - startNanos) / 1e9;
                progress.update(String.format(
                        Locale.ROOT,
                        "enrich-service: %,d of %,d raw records committed (%.0f%%), %,.0f articles/s, internal lag %,d, %.0f s",
                        rawCommitted,
                        total,
                        100.0 * rawCommitted / total,
                        rawCommitted / Math.max(seconds, 1e-3),
                        snapshot.internalLag(),
                        seconds));
            } catch (ExecutionException e) {
                progress.update("waiting for the broker: " + e.getCause().getMessage());
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    /** The group's committed offset per partition (the fail-over run watches them move). */
    Map<TopicPartition, Long> committedOffsets() throws ExecutionException, InterruptedException {
        return offsets.committedOffsets();
    }

    /** The partitions of those of {@code topics} that exist. */
    Set<TopicPartition> partitions(final Set<String> topics) throws ExecutionException, InterruptedException {
        return offsets.partitions(topics);
    }

    /** The committed end offsets of {@code partitions}. */
    Map<TopicPartition, Long> endOffsets(final Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        return offsets.endOffsets(partitions);
    }
}
