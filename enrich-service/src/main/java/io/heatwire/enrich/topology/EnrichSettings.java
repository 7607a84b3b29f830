package io.heatwire.enrich.topology;

import java.time.Duration;

import io.heatwire.article.parse.ParseLimits;
import io.heatwire.enrich.deadletter.DeadLetters;

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
 * @param storyEventPartitions    partitions of the story-events topic, which route clustering's
 *                                batches; must never change for the life of the state (a
 *                                TopologyTestDriver runs every partition as one: 1)
 */
public record EnrichSettings(
        ParseLimits parseLimits,
        int deadLetterMaxValueBytes,
        Duration clusterEmitInterval,
        Duration heatHalfLife,
        boolean clustering,
        int storyEventPartitions) {

    /** Production's defaults, on a story-events topic of {@code storyEventPartitions} partitions. */
    public static EnrichSettings defaults(int storyEventPartitions) {
        return new EnrichSettings(
                ParseLimits.defaults(),
                8 * 1024 * 1024 - DeadLetters.HEADROOM_BYTES,
                Duration.ofMillis(300),
                Duration.ofHours(24),
                true,
                storyEventPartitions);
    }

    /** The same settings without clustering: the benchmark's ceiling. */
    public EnrichSettings withoutClustering() {
        return new EnrichSettings(
                parseLimits, deadLetterMaxValueBytes, clusterEmitInterval, heatHalfLife, false, storyEventPartitions);
    }
}
