package io.heatwire.enrich.topology;

import java.time.Duration;

import io.heatwire.enrich.deadletter.DeadLetters;
import io.heatwire.article.parse.ParseLimits;

/**
 * What the topology needs to know besides its topics.
 *
 * @param clusterEmitInterval     how often the records of changed clusters, providers and topics are written
 * @param heatHalfLife            the heat half-life H (SPEC 8)
 * @param deadLetterMaxValueBytes the largest original a dead letter carries; larger ones are
 *                                omitted and pointed at (see {@code DeadLetters.fitted})
 * @param clustering              false only for the benchmark's ceiling: every story is its own
 *                                cluster, no alias or reference links are followed and no cluster
 *                                records are written, so the run shows what the rest of the
 *                                pipeline costs
 */
public record EnrichSettings(ParseLimits parseLimits, int deadLetterMaxValueBytes, Duration clusterEmitInterval,
        Duration heatHalfLife, boolean clustering) {

    public static EnrichSettings defaults() {
        return new EnrichSettings(ParseLimits.defaults(), 8 * 1024 * 1024 - DeadLetters.HEADROOM_BYTES,
                Duration.ofSeconds(1), Duration.ofHours(24), true);
    }

    /** The same settings without clustering: the benchmark's ceiling. */
    public EnrichSettings withoutClustering() {
        return new EnrichSettings(parseLimits, deadLetterMaxValueBytes, clusterEmitInterval, heatHalfLife, false);
    }
}
