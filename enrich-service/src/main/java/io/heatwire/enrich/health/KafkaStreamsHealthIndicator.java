package io.heatwire.enrich.health;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP only while the Streams client is RUNNING and none of its active tasks restores its state: in
 * any other state it processes nothing, and a restoring task neither processes nor answers queries.
 */
final class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean factoryBean;
    private final RestoringPartitions restoring;

    KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean, RestoringPartitions restoring) {
        this.factoryBean = factoryBean;
        this.restoring = restoring;
    }

    @Override
    public Health health() {
        final KafkaStreams streams = factoryBean.getKafkaStreams();
        if (streams == null) {
            return Health.outOfService().withDetail("state", "NOT_STARTED").build();
        }
        return health(streams.state(), restoring.count());
    }

    /** RUNNING with changelog partitions still restoring is not ready yet (OUT_OF_SERVICE). */
    static Health health(KafkaStreams.State state, int restoringPartitions) {
        if (state == KafkaStreams.State.RUNNING && restoringPartitions > 0) {
            return Health.outOfService()
                    .withDetail("state", state.name())
                    .withDetail("restoringPartitions", restoringPartitions)
                    .build();
        }
        return health(state);
    }

    /**
     * Starting and rebalancing are expected to pass (OUT_OF_SERVICE); anything else means the
     * client stopped or failed (DOWN). Both keep the service out of readiness.
     */
    static Health health(KafkaStreams.State state) {
        final Health.Builder builder = switch (state) {
            case RUNNING -> Health.up();
            case CREATED, REBALANCING -> Health.outOfService();
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Health.down();
        };
        return builder.withDetail("state", state.name()).build();
    }
}
