package io.heatwire.article.quality;

/**
 * The {@code quality} object of the provider, topic and cluster records (SPEC 9), over the stories
 * with a known quality; every figure but {@code count} is null when {@code count} is 0.
 *
 * @param count how many stories have a known quality
 * @param mean  their exact mean, rounded once to a double
 * @param p50   nearest-rank median, see {@link QualityStats}
 * @param p90   nearest-rank 90th percentile, see {@link QualityStats}
 */
public record QualitySummary(long count, Double mean, Integer min, Integer max, Integer p50, Integer p90) {}
