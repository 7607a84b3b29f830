package io.heatwire.enrich.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.heatwire.article.quality.QualitySummary;

/**
 * The value of the {@code heatwire.clusters} topic (SPEC 7), keyed by {@link #id()}. Its size is
 * bounded whatever the cluster's: at most 100 members, 10 providers and 50 topics are listed, the
 * counts stay exact.
 *
 * @param size       stories in the cluster, exact
 * @param articles   ARTICLE stories in the cluster
 * @param headline   the highest-quality ARTICLE, earliest on ties; null while the cluster has none
 * @param providers  how many distinct providers, and the 10 with most stories
 * @param topics     stories per topic slug, the 50 most frequent
 * @param quality    count, mean, min, max, p50, p90 of the members' known qualities (SPEC 9)
 * @param heatScore  log2 of the heat sum in half-lives, time-invariant; null when no member is dated (SPEC 8)
 * @param heat       the heat at {@code asOf}, the stream time when the record was written
 * @param members    up to 100 story ids, newest first
 */
public record ClusterRecord(
        String id,
        long size,
        long articles,
        Headline headline,
        Providers providers,
        Map<String, Long> topics,
        Instant firstPublished,
        Instant lastPublished,
        QualitySummary quality,
        Double heatScore,
        double heat,
        Instant asOf,
        List<String> members,
        Instant updatedAt) {

    public record Headline(String id, String title, String url, String provider) {}

    public record Providers(long distinct, List<ProviderCount> top) {}

    public record ProviderCount(String key, String name, long stories) {}
}
