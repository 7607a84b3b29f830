package io.heatwire.enrich.clustering;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where a protocol message goes on story-events: a batch to the partition it names (its items are
 * ids of that partition), any other message by its key, as the default partitioner does. Refuses to
 * write when the topic's partition count is not the one the clustering state was built for: ids
 * would be routed to tasks that do not own them.
 */
public final class BatchPartitioner implements StreamPartitioner<String, ClusteringEvent> {

    private final int partitions;

    public BatchPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, ClusteringEvent event, int count) {
        if (count != partitions) {
            throw new IllegalStateException(topic + " has " + count + " partitions, but clustering runs with "
                    + partitions + " (heatwire.topics.partitions): the partition count of this topic must never "
                    + "change; see docs/architecture.md");
        }
        if (event.message() instanceof Message.Batch<?> batch) {
            return Optional.of(Set.of(batch.partition()));
        }
        return Optional.of(Set.of(ClusteringProcessor.partitionOf(key, partitions)));
    }
}
