package io.heatwire.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ApplicationOffsetsSnapshotTest {

    private static final TopicPartition RAW_0 = new TopicPartition("raw", 0);
    private static final TopicPartition RAW_1 = new TopicPartition("raw", 1);
    private static final TopicPartition EVENTS_0 = new TopicPartition("app-events", 0);
    private static final TopicPartition REPARTITION_0 = new TopicPartition("app-x-repartition", 0);
    private static final TopicPartition STORIES_0 = new TopicPartition("stories", 0);

    @Test
    void shouldSplitLagIntoRawAndInternal() {
        final ApplicationOffsets.Snapshot snapshot = new ApplicationOffsets.Snapshot(
                "raw",
                Map.of(RAW_0, 7L, EVENTS_0, 10L, REPARTITION_0, 3L),
                Map.of(RAW_0, 10L, RAW_1, 4L, EVENTS_0, 12L, REPARTITION_0, 3L),
                Map.of(STORIES_0, 99L));

        assertThat(snapshot.rawLag())
                .as("3 behind on raw-0, nothing committed on raw-1")
                .isEqualTo(3 + 4);
        assertThat(snapshot.rawCommitted()).isEqualTo(7);
        assertThat(snapshot.internalLag()).isEqualTo(2);
        assertThat(snapshot.internalWithinMarkers())
                .as("two behind is more than a commit marker")
                .isFalse();
    }

    @Test
    void shouldTreatOneRecordBehindOnAnInternalTopicAsACommitMarker() {
        final ApplicationOffsets.Snapshot snapshot = new ApplicationOffsets.Snapshot(
                "raw", Map.of(RAW_0, 10L, EVENTS_0, 11L), Map.of(RAW_0, 10L, EVENTS_0, 12L), Map.of());

        assertThat(snapshot.rawLag()).isZero();
        assertThat(snapshot.internalLag()).isEqualTo(1);
        assertThat(snapshot.internalWithinMarkers()).isTrue();
    }

    @Test
    void shouldSeeProgressInAnyOfTheThreeOffsetKinds() {
        final ApplicationOffsets.Snapshot base =
                new ApplicationOffsets.Snapshot("raw", Map.of(RAW_0, 5L), Map.of(RAW_0, 10L), Map.of(STORIES_0, 3L));

        assertThat(base)
                .isEqualTo(new ApplicationOffsets.Snapshot(
                        "raw", Map.of(RAW_0, 5L), Map.of(RAW_0, 10L), Map.of(STORIES_0, 3L)));
        assertThat(base)
                .as("committed moved")
                .isNotEqualTo(new ApplicationOffsets.Snapshot(
                        "raw", Map.of(RAW_0, 6L), Map.of(RAW_0, 10L), Map.of(STORIES_0, 3L)));
        assertThat(base)
                .as("input grew")
                .isNotEqualTo(new ApplicationOffsets.Snapshot(
                        "raw", Map.of(RAW_0, 5L), Map.of(RAW_0, 11L), Map.of(STORIES_0, 3L)));
        assertThat(base)
                .as("output grew")
                .isNotEqualTo(new ApplicationOffsets.Snapshot(
                        "raw", Map.of(RAW_0, 5L), Map.of(RAW_0, 10L), Map.of(STORIES_0, 4L)));
    }
}
