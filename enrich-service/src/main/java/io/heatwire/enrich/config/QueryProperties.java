package io.heatwire.enrich.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The query API ({@code heatwire.query.*}).
 *
 * @param advertisedHost the host other instances reach this one at; with the HTTP port it becomes
 *                       Kafka Streams' {@code application.server}
 * @param peerTimeout    how long a request to another instance may take
 * @param attempts       how often a read is tried (metadata moves during a rebalance) before 503
 * @param retryPause     the pause after the first failed attempt; doubles after each
 * @param retryAfter     the {@code Retry-After} of a 503
 */
@ConfigurationProperties("heatwire.query")
public record QueryProperties(
        @DefaultValue("localhost") String advertisedHost,
        @DefaultValue("2s") Duration peerTimeout,
        @DefaultValue("4") int attempts,
        @DefaultValue("100ms") Duration retryPause,
        @DefaultValue("1s") Duration retryAfter) {}
