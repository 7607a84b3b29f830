package io.heatwire.enrich.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * heatwire's own settings for enrich-service; Kafka client and Streams settings stay under
 * {@code spring.kafka.*}.
 */
@ConfigurationProperties("heatwire")
public record EnrichProperties(@DefaultValue Topics topics) {

    /**
     * Topic names (SPEC 10) and how missing topics are created at start-up.
     */
    public record Topics(
            @DefaultValue("heatwire.articles.raw") String raw,
            @DefaultValue("heatwire.articles.dlq") String dlq,
            @DefaultValue("heatwire.stories") String stories,
            @DefaultValue("heatwire.clusters") String clusters,
            @DefaultValue("heatwire.providers") String providers,
            @DefaultValue("heatwire.topics") String topics,
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor) {
    }
}
