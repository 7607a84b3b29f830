package io.heatwire.enrich.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class KafkaStreamsHealthIndicatorTest {

    @Test
    void shouldBeUpOnlyWhileRunning() {
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            final Status status = KafkaStreamsHealthIndicator.health(state).getStatus();

            assertThat(status).as(state.name()).isEqualTo(state == KafkaStreams.State.RUNNING ? Status.UP
                    : state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING
                            ? Status.OUT_OF_SERVICE : Status.DOWN);
        }
    }

    @Test
    void shouldNameTheStateInTheDetails() {
        assertThat(KafkaStreamsHealthIndicator.health(KafkaStreams.State.ERROR).getDetails())
                .containsEntry("state", "ERROR");
    }

    @Test
    void shouldBeOutOfServiceBeforeTheClientExists() {
        final KafkaStreamsHealthIndicator indicator = new KafkaStreamsHealthIndicator(new StreamsBuilderFactoryBean());

        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(indicator.health().getDetails()).containsEntry("state", "NOT_STARTED");
    }
}
