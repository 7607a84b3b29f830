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
public record TopicRecord(
        String key,
        long stories,
        long articles,
        QualitySummary quality,
        Instant firstPublished,
        Instant lastPublished,
        Double heatScore,
        double heat,
        Instant asOf,
        Instant updatedAt) {

    /** The record of a topic's statistics, as the statistics processor writes it when they changed. */
    public static TopicRecord from(
            String key,
            KeyStats stats,
            Instant firstPublished,
            Instant lastPublished,
            Instant asOf,
            Instant updatedAt) {
        return new TopicRecord(
                key,
                stats.stories(),
                stats.articles(),
                stats.quality().summary(),
                firstPublished,
                lastPublished,
                stats.heat().heatScore(),
                stats.heat().heatAt(asOf),
                asOf,
                updatedAt);
    }
}
