package io.heatwire.enrich.health;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

import io.heatwire.support.health.BrokerHealthIndicator;

/**
 * The broker probe ({@code kafka}) and the Streams client state with its restorations
 * ({@code kafkaStreams}); both are
 * in the readiness group (application.yml), neither in liveness: a restart cures neither.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
class HealthConfiguration {

    @Bean
    BrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, HealthProperties properties) {
        return new BrokerHealthIndicator(
                kafkaAdmin.getConfigurationProperties(), "heatwire-enrich-health", properties.brokerTimeout());
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        final RestoringPartitions restoring = new RestoringPartitions();
        factoryBean.setStateRestoreListener(restoring);
        return new KafkaStreamsHealthIndicator(factoryBean, restoring);
    }

    /** The query group's ({@code /actuator/health/query}) view of the Streams client. */
    @Bean
    QueryViewsHealthIndicator queryViewsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        return new QueryViewsHealthIndicator(factoryBean);
    }
}
