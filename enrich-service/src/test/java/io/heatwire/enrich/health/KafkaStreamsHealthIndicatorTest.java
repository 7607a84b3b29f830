package io.heatwire.enrich.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

class KafkaStreamsHealthIndicatorTest {

    @Test
    void shouldBeUpOnlyWhileRunning() {
        for (KafkaStreams.State state : KafkaStreams.State.values()) {
            final Status status = KafkaStreamsHealthIndicator.health(state).getStatus();

            assertThat(status)
                    .as(state.name())
                    .isEqualTo(
                            state == KafkaStreams.State.RUNNING
                                    ? Status.UP
                                    : state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING
                                            ? Status.OUT_OF_SERVICE
                                            : Status.DOWN);
        }
    }

    @Test
    void shouldNameTheStateInTheDetails() {
        assertThat(KafkaStreamsHealthIndicator.health(KafkaStreams.State.ERROR).getDetails())
                .containsEntry("state", "ERROR");
    }

    @Test
    void shouldBeOutOfServiceBeforeTheClientExists() {
        final KafkaStreamsHealthIndicator indicator =
                new KafkaStreamsHealthIndicator(new StreamsBuilderFactoryBean(), new RestoringPartitions());

        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(indicator.health().getDetails()).containsEntry("state", "NOT_STARTED");
    }

    @Test
    void shouldBeOutOfServiceWhileRunningWithATaskRestoring() {
        final RestoringPartitions restoring = new RestoringPartitions();
        final TopicPartition changelog = new TopicPartition("heatwire-enrich-story-nodes-changelog", 3);
        restoring.onRestoreStart(changelog, "story-nodes", 0, 1_000);

        assertThat(KafkaStreamsHealthIndicator.health(KafkaStreams.State.RUNNING, restoring.count())
                        .getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(KafkaStreamsHealthIndicator.health(KafkaStreams.State.RUNNING, restoring.count())
                        .getDetails())
                .containsEntry("restoringPartitions", 1);

        restoring.onRestoreEnd(changelog, "story-nodes", 1_000);

        assertThat(KafkaStreamsHealthIndicator.health(KafkaStreams.State.RUNNING, restoring.count())
                        .getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void shouldStopCountingARestorationThatWasSuspended() {
        final RestoringPartitions restoring = new RestoringPartitions();
        final TopicPartition changelog = new TopicPartition("heatwire-enrich-cluster-state-changelog", 0);
        restoring.onRestoreStart(changelog, "cluster-state", 0, 10);
        restoring.onRestoreStart(
                new TopicPartition("heatwire-enrich-cluster-state-changelog", 1), "cluster-state", 0, 10);

        restoring.onRestoreSuspended(changelog, "cluster-state", 5);

        assertThat(restoring.count()).isEqualTo(1);
    }
}
