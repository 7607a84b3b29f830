package io.heatwire.ingest.health;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.heatwire.support.health.BrokerHealthIndicator;

/** The broker probe; application.yml puts it in the readiness group as {@code kafka}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
class HealthConfiguration {

    @Bean
    BrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, HealthProperties properties) {
        return new BrokerHealthIndicator(
                kafkaAdmin.getConfigurationProperties(), "heatwire-ingest-health", properties.brokerTimeout());
    }
}
