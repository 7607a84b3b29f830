package io.heatwire.enrich.aggregate;

import java.time.Instant;
import java.util.Objects;

import io.heatwire.article.quality.QualityStats;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;

/**
 * What one story adds to each aggregate it belongs to (its provider, each of its topics, its
 * cluster). An aggregate subtracts the old contribution of a story before it adds the new one.
 *
 * @param storyId     the story, for the caller's bookkeeping; aggregates keep no story ids
 * @param article     whether the story is an ARTICLE
 * @param quality     0–100 or null (unknown)
 * @param publishedAt null when unknown
 */
public record Contribution(String storyId, boolean article, Integer quality, Instant publishedAt) {

    public Contribution {
        Objects.requireNonNull(storyId, "storyId");
        if (quality != null && (quality < 0 || quality > QualityStats.MAX_QUALITY)) {
            throw new IllegalArgumentException("quality outside 0-100: " + quality);
        }
    }

    public static Contribution of(final Story story) {
        return new Contribution(story.id(), story.kind() == StoryKind.ARTICLE, story.quality(), story.publishedAt());
    }
}
