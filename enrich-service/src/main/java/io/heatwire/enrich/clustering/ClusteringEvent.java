package io.heatwire.enrich.clustering;

import java.util.List;

import io.heatwire.article.story.Story;
import io.heatwire.enrich.cluster.ClusterMember;

/**
 * A record of the story-events topic: a parsed document ({@code message == null}: its stories,
 * the ARTICLE first), or a protocol message, which carries the content of the story it is for when
 * it brings one (a reference version carries the REFERENCE story its referrer's document gives).
 */
public record ClusteringEvent(Message<ClusterMember> message, List<Story> stories) {

    public ClusteringEvent {
        stories = stories == null ? List.of() : List.copyOf(stories);
    }

    public static ClusteringEvent document(List<Story> stories) {
        return new ClusteringEvent(null, stories);
    }
}
