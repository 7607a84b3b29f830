package io.heatwire.enrich.health;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Whether this instance can take query traffic: its Streams client is running or rebalancing.
 * During a rebalance every instance rebalances, yet most keys stay readable; the keys that are
 * not answer 503 with Retry-After, so rebalancing keeps the instance in the query group.
 */
final class QueryViewsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean factoryBean;

    QueryViewsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        this.factoryBean = factoryBean;
    }

    @Override
    public Health health() {
        final KafkaStreams streams = factoryBean.getKafkaStreams();
        return streams == null
                ? Health.outOfService().withDetail("state", "NOT_STARTED").build()
                : health(streams.state());
    }

    static Health health(KafkaStreams.State state) {
        final Health.Builder builder = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.outOfService();
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Health.down();
        };
        return builder.withDetail("state", state.name()).build();
    }
}
