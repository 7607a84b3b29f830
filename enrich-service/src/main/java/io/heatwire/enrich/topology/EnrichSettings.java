package io.heatwire.enrich.topology;

import java.time.Duration;

import io.heatwire.enrich.deadletter.DeadLetters;
import io.heatwire.enrich.parse.ParseLimits;

/**
 * What the topology needs to know besides its topics.
 *
 * @param clusterEmitInterval     how often the records of changed clusters, providers and topics are written
 * @param heatHalfLife            the heat half-life H (SPEC 8)
 * @param deadLetterMaxValueBytes the largest original a dead letter carries; larger ones are
 *                                omitted and pointed at (see {@code DeadLetters.fitted})
 */
public record EnrichSettings(ParseLimits parseLimits, int deadLetterMaxValueBytes, Duration clusterEmitInterval,
        Duration heatHalfLife) {

    public static EnrichSettings defaults() {
        return new EnrichSettings(ParseLimits.defaults(), 8 * 1024 * 1024 - DeadLetters.HEADROOM_BYTES,
                Duration.ofSeconds(1), Duration.ofHours(24));
    }
}
