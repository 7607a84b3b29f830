package io.heatwire.enrich.aggregate;

import java.time.Instant;

import io.heatwire.article.quality.QualitySummary;

/**
 * The value of the {@code heatwire.providers} topic (SPEC 9, 10), keyed by {@link #key()}; a
 * provider without stories has a tombstone instead. {@code provider.schema.json} describes the JSON.
 *
 * @param key            provider domain, lowercase, without {@code www.}; the story URL's host when missing
 * @param name           display name, the last one seen; may be null
 * @param stories        stories of this provider
 * @param articles       how many of them are ARTICLE stories
 * @param quality        statistics over the stories with a known quality
 * @param firstPublished earliest publication time; null when no story has one
 * @param lastPublished  latest publication time; null when no story has one
 * @param heatScore      log2 of the heat sum, in half-lives (SPEC 8); null when no story is dated
 * @param heat           the heat at {@code asOf}; 0 when no story is dated
 * @param asOf           the stream time the heat is evaluated at
 * @param updatedAt      when this record was computed
 */
public record ProviderRecord(
        String key,
        String name,
        long stories,
        long articles,
        QualitySummary quality,
        Instant firstPublished,
        Instant lastPublished,
        Double heatScore,
        double heat,
        Instant asOf,
        Instant updatedAt) {

    /** The record of a provider's statistics, as the statistics processor writes it when they changed. */
    public static ProviderRecord from(
            String key,
            KeyStats stats,
            Instant firstPublished,
            Instant lastPublished,
            Instant asOf,
            Instant updatedAt) {
        return new ProviderRecord(
                key,
                stats.name(),
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
