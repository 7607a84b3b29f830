package io.heatwire.enrich.cluster;

import java.time.Instant;
import java.util.List;

import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;

/**
 * What one story contributes to its cluster's record. A cluster subtracts the old contribution of
 * a story before it adds the new one, so every figure stays exact under updates and merges.
 */
public record ClusterMember(String id, StoryKind kind, String title, String url, String providerKey,
        String providerName, List<String> topicSlugs, Instant publishedAt, Integer quality) {

    public ClusterMember {
        topicSlugs = topicSlugs == null ? List.of() : List.copyOf(topicSlugs);
    }

    public static ClusterMember of(Story story) {
        return new ClusterMember(story.id(), story.kind(), story.title(), story.url(), story.provider().key(),
                story.provider().name(), story.topicSlugs(), story.publishedAt(), story.quality());
    }
}
