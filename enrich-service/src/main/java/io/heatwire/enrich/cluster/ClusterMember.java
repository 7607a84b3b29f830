package io.heatwire.enrich.cluster;

import java.time.Instant;
import java.util.List;

import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;

/**
 * What one story contributes to its cluster's record. A cluster subtracts the old contribution of
 * a story before it adds the new one, so every figure stays exact under updates and merges.
 */
public record ClusterMember(
        String id,
        StoryKind kind,
        String title,
        String url,
        String providerKey,
        String providerName,
        List<String> topicSlugs,
        Instant publishedAt,
        Integer quality) {

    public ClusterMember {
        topicSlugs = topicSlugs == null ? List.of() : List.copyOf(topicSlugs);
    }

    /**
     * What a story counts for in clustering and statistics. Only an ARTICLE can be a cluster's
     * headline, so only an ARTICLE carries its title and URL: a REFERENCE's contribution, stored in
     * every registration and roster that counts it, stays small.
     */
    public static ClusterMember contributionOf(Story story) {
        final ClusterMember member = of(story);
        return story.kind() == StoryKind.ARTICLE
                ? member
                : new ClusterMember(
                        member.id(),
                        member.kind(),
                        null,
                        null,
                        member.providerKey(),
                        member.providerName(),
                        member.topicSlugs(),
                        member.publishedAt(),
                        member.quality());
    }

    public static ClusterMember of(Story story) {
        return new ClusterMember(
                story.id(),
                story.kind(),
                story.title(),
                story.url(),
                story.provider().key(),
                story.provider().name(),
                story.topicSlugs(),
                story.publishedAt(),
                story.quality());
    }
}
