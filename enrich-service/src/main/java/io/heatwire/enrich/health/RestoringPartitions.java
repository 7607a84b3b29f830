package io.heatwire.enrich.health;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * The changelog partitions whose restoration into an active task's store has started and not ended.
 * Kafka Streams' state updater restores in the background: a client can be RUNNING, processing its
 * restored tasks, while others still restore, and those answer no query and process nothing yet.
 */
final class RestoringPartitions implements StateRestoreListener {

    private final Set<TopicPartition> restoring = ConcurrentHashMap.newKeySet();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.add(partition);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        // progress is not needed, only whether a restoration is under way
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(partition);
    }

    /** A task that moved to another instance, or closed, while its store restored. */
    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(partition);
    }

    int count() {
        return restoring.size();
    }
}
