package io.heatwire.enrich.clustering;

import java.util.List;

/**
 * What one call of a {@link ClusteringTask} produced; the caller must make all of it visible
 * atomically with the task's store writes and input offset (one Kafka transaction).
 *
 * @param messages to the clustering topic: {@link Outgoing#partition()} is where each must go
 * @param stories  story output: cluster id per story, or a tombstone
 * @param clusters cluster output: a record per published cluster id, or a tombstone
 */
public record Effects<C, A>(
        List<Outgoing<C>> messages, List<StoryUpdate<C>> stories, List<ClusterUpdate<C, A>> clusters) {

    public Effects {
        messages = List.copyOf(messages);
        stories = List.copyOf(stories);
        clusters = List.copyOf(clusters);
    }

    public boolean isEmpty() {
        return messages.isEmpty() && stories.isEmpty() && clusters.isEmpty();
    }

    /**
     * A message for the clustering topic. {@code key} is the id it is keyed by, {@code null} for a
     * {@link Message.Batch}, which must be written to {@code partition} explicitly; for keyed messages
     * {@code partition} is what the partitioner says of the key.
     */
    public record Outgoing<C>(int partition, String key, Message<C> message) {}

    /** A story record: {@code clusterId == null} is a tombstone (the id stopped being a story). */
    public record StoryUpdate<C>(String id, String clusterId, StoryFacts<C> facts) {}

    /** A cluster record under {@code id}; {@code record == null} is a tombstone. */
    public record ClusterUpdate<C, A>(String id, ClusterRecord<C, A> record) {}

    /**
     * The published figures of a cluster: its id (earliest story), exact size and aggregate, and the
     * key of the cluster record that holds them (stable across renames; the {@link RosterIndex} is
     * keyed by it).
     *
     * @param inline the members' contributions while the roster is inline (no {@link RosterIndex}
     *               holds them), in member-id order; {@code null} once it has spilled
     */
    public record ClusterRecord<C, A>(String key, String id, int size, A aggregate, List<C> inline) {}
}
