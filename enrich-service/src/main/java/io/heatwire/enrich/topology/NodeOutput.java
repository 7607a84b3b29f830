package io.heatwire.enrich.topology;

import java.util.List;

import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.article.story.Story;

/**
 * What a story node writes: an event for another node, its story (null: a tombstone), or a
 * change of its cluster membership.
 */
sealed interface NodeOutput {

    record ToNode(NodeEvent event) implements NodeOutput {
    }

    record StoryUpdate(Story story) implements NodeOutput {
    }

    /** The story left {@code fromCluster} as {@code before} and joined {@code toCluster} as {@code after}. */
    record Membership(String fromCluster, ClusterMember before, String toCluster, ClusterMember after) {
    }

    /** The membership changes of every story written in one write interval, in the order written. */
    record Memberships(List<Membership> changes) implements NodeOutput {
    }
}
