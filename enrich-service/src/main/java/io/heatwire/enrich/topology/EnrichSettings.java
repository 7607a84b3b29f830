package io.heatwire.enrich.topology;

import io.heatwire.enrich.parse.ParseLimits;

/** What the topology needs to know besides its topics. */
public record EnrichSettings(ParseLimits parseLimits) {

    public static EnrichSettings defaults() {
        return new EnrichSettings(ParseLimits.defaults());
    }
}
