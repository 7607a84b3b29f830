package io.heatwire.enrich.clustering;

import java.util.List;

import io.heatwire.article.story.Story;
import io.heatwire.enrich.cluster.ClusterRecord;
import io.heatwire.enrich.cluster.StoryChange;

/** What the clustering processor writes; the topology routes each kind to its topic. */
public sealed interface ClusteringOutput {

    /** A protocol message for the story-events topic (a batch names its partition itself). */
    record Event(ClusteringEvent event) implements ClusteringOutput {}

    /** A story record; {@code story == null} is its tombstone. */
    record StoryWrite(Story story) implements ClusteringOutput {}

    /** A cluster record; {@code record == null} is the tombstone of the id the record is keyed by. */
    record ClusterWrite(ClusterRecord record) implements ClusteringOutput {}

    /** How the stories written in one step changed their contributions, for providers and topics. */
    record StatsChanges(List<StoryChange> changes) implements ClusteringOutput {

        public StatsChanges {
            changes = List.copyOf(changes);
        }
    }
}
