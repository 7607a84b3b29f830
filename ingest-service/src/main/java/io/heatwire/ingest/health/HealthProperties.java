package io.heatwire.ingest.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health probe settings ({@code heatwire.health.*}).
 *
 * @param brokerTimeout how long the readiness probe waits for the broker before it reports DOWN
 */
@ConfigurationProperties("heatwire.health")
record HealthProperties(@DefaultValue("2s") Duration brokerTimeout) {

    HealthProperties {
        if (brokerTimeout == null || brokerTimeout.isZero() || brokerTimeout.isNegative()) {
            throw new IllegalArgumentException("heatwire.health.broker-timeout must be positive");
        }
    }
}
