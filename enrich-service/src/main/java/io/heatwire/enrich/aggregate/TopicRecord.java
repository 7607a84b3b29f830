package io.heatwire.enrich.aggregate;

import java.time.Instant;

import io.heatwire.article.quality.QualitySummary;

/**
 * The value of the {@code heatwire.topics} topic (SPEC 9, 10), keyed by {@link #key()}; a topic
 * without stories has a tombstone instead. {@code topic.schema.json} describes the JSON.
 *
 * @param key            the topic slug, e.g. {@code computer-vision}
 * @param stories        stories with this topic
 * @param articles       how many of them are ARTICLE stories
 * @param quality        statistics over the stories with a known quality
 * @param firstPublished earliest publication time; null when no story has one
 * @param lastPublished  latest publication time; null when no story has one
 * @param heatScore      log2 of the heat sum, in half-lives (SPEC 8); null when no story is dated
 * @param heat           the heat at {@code asOf}; 0 when no story is dated
 * @param asOf           the stream time the heat is evaluated at
 * @param updatedAt      when this record was computed
 */
public record TopicRecord(String key, long stories, long articles, QualitySummary quality, Instant firstPublished,
        Instant lastPublished, Double heatScore, double heat, Instant asOf, Instant updatedAt) {

    /**
     * The record of {@code aggregate}.
     *
     * @throws IllegalArgumentException when the aggregate has no story: write a tombstone instead
     */
    public static TopicRecord of(final String slug, final StatsAggregate aggregate, final Instant asOf,
            final Instant updatedAt) {
        aggregate.requireStories(slug);
        return new TopicRecord(slug, aggregate.stories(), aggregate.articles(), aggregate.quality().summary(),
                aggregate.firstPublished(), aggregate.lastPublished(), aggregate.heat().heatScore(),
                aggregate.heat().heatAt(asOf), asOf, updatedAt);
    }
}
