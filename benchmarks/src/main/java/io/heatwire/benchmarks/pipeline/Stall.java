package io.heatwire.benchmarks.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;

/**
 * When processing resumed after a stop. The first commit: the offsets committed on the input
 * topics together grew (with one instance, processing resumed at all). The stall: every raw
 * partition that still had records to process once the stopped instance was gone has committed
 * further, so every instance takes in documents again. Raw partitions only: their records are not
 * transactional, so none can be left behind by an aborted transaction and never be committed past.
 */
final class Stall {

    private Stall() {}

    /** The raw partitions with records left: committed offset below the end offset. */
    static Set<TopicPartition> lagging(
            final String rawTopic, final Map<TopicPartition, Long> committed, final Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .filter(end -> end.getKey().topic().equals(rawTopic))
                .filter(end -> committed.getOrDefault(end.getKey(), 0L) < end.getValue())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Whether every one of {@code lagging} has committed beyond where it stood in {@code before}. */
    static boolean resumed(
            final Set<TopicPartition> lagging,
            final Map<TopicPartition, Long> before,
            final Map<TopicPartition, Long> now) {
        return lagging.stream()
                .allMatch(partition -> now.getOrDefault(partition, 0L) > before.getOrDefault(partition, 0L));
    }

    /** Offsets committed on every input partition together: any commit makes it grow. */
    static long sum(final Map<TopicPartition, Long> committed) {
        return committed.values().stream().mapToLong(Long::longValue).sum();
    }
}
