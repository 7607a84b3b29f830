package io.heatwire.enrich.topology;

import org.apache.kafka.common.serialization.Serdes;

import io.heatwire.article.story.Story;
import io.heatwire.enrich.aggregate.ProviderRecord;
import io.heatwire.enrich.aggregate.TopicRecord;
import io.heatwire.enrich.cluster.ClusterRecord;
import io.heatwire.enrich.clustering.ClusteringEvent;
import io.heatwire.enrich.serde.InternalSerdes;
import io.heatwire.enrich.serde.JsonSerdes;

/**
 * The topics the topology reads and writes. The raw topic is read as bytes, never decoded by a
 * serde: a record the parser rejects must reach the dead-letter topic byte for byte.
 *
 * @param storyEvents documents and the clustering protocol's messages, keyed by story id (batches
 *                    name their partition)
 * @param topicStats  the statistics per topic slug (the {@code heatwire.topics} topic)
 */
public record Topics(
        Topic<byte[], byte[]> raw,
        Topic<byte[], byte[]> deadLetters,
        Topic<String, ClusteringEvent> storyEvents,
        Topic<String, Story> stories,
        Topic<String, ClusterRecord> clusters,
        Topic<String, ProviderRecord> providers,
        Topic<String, TopicRecord> topicStats) {

    /** The topics of these names, each with the serdes its records need. */
    public static Topics named(
            String raw,
            String deadLetters,
            String storyEvents,
            String stories,
            String clusters,
            String providers,
            String topicStats) {
        return new Topics(
                new Topic<>(raw, Serdes.ByteArray(), Serdes.ByteArray()),
                new Topic<>(deadLetters, Serdes.ByteArray(), Serdes.ByteArray()),
                new Topic<>(storyEvents, Serdes.String(), InternalSerdes.of(ClusteringEvent.class)),
                new Topic<>(stories, Serdes.String(), JsonSerdes.of(Story.class)),
                new Topic<>(clusters, Serdes.String(), JsonSerdes.of(ClusterRecord.class)),
                new Topic<>(providers, Serdes.String(), JsonSerdes.of(ProviderRecord.class)),
                new Topic<>(topicStats, Serdes.String(), JsonSerdes.of(TopicRecord.class)));
    }
}
