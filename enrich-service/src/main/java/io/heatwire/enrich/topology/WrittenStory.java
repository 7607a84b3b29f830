package io.heatwire.enrich.topology;

import io.heatwire.enrich.cluster.ClusterMember;

/**
 * What was last written for one story id, in the stories-written store: enough to tell whether the
 * story changed since (a digest of its JSON) and what it contributed to its cluster, provider and
 * topics, without keeping a second copy of the story.
 */
public record WrittenStory(String digest, String clusterId, ClusterMember member) {
}
