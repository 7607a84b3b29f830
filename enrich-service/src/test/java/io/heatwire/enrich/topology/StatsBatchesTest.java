package io.heatwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import io.heatwire.article.story.StoryKind;
import io.heatwire.enrich.aggregate.StatsChange;
import io.heatwire.enrich.aggregate.StatsChanges;
import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.cluster.StoryChange;

class StatsBatchesTest {

    @Test
    void shouldBatchTheChangesOfOneStepByProviderInTheOrderTheyWereMade() {
        final List<StoryChange> changes = List.of(
                move("s3", null, "a", 50),
                move("s1", "b", "a", 50),
                move("s2", null, "b", 50),
                move("s4", "a", "a", 60));

        final List<KeyValue<String, StatsChanges>> batches = batches(changes);

        assertThat(batches).extracting(batch -> batch.key).containsExactly("a", "b");
        assertThat(batches.get(0).value.changes())
                .extracting(StatsBatchesTest::describe)
                .containsExactly("+s3", "+s1", "-s4+s4");
        assertThat(batches.get(1).value.changes())
                .extracting(StatsBatchesTest::describe)
                .containsExactly("-s1", "+s2");
    }

    @Test
    void shouldWriteNothingForAStoryWhoseContributionDidNotChange() {
        final ClusterMember same = member("s1", "a", "Example", 50);

        assertThat(batches(List.of(new StoryChange(same, same)))).isEmpty();
    }

    @Test
    void shouldSplitAManyStoryChangeIntoRecordsOfAtMostTheBatchSizeKeepingEveryChangeOnce() {
        final List<StoryChange> changes = new ArrayList<>();
        final int stories = EnrichTopology.BATCH_SIZE * 2 + 7;
        for (int i = 0; i < stories; i++) {
            changes.add(move(String.format("s%05d", i), "big", "small", 50));
        }

        final List<KeyValue<String, StatsChanges>> batches = batches(changes);

        assertThat(batches)
                .allSatisfy(
                        batch -> assertThat(batch.value.changes()).hasSizeLessThanOrEqualTo(EnrichTopology.BATCH_SIZE));
        assertThat(batches.stream()
                        .filter(batch -> batch.key.equals("big"))
                        .flatMap(batch -> batch.value.changes().stream())
                        .map(change -> change.removed().storyId())
                        .toList())
                .isEqualTo(changes.stream().map(change -> change.before().id()).toList());
        assertThat(batches.stream()
                        .filter(batch -> batch.key.equals("small"))
                        .mapToInt(batch -> batch.value.changes().size())
                        .sum())
                .isEqualTo(stories);
    }

    @Test
    void shouldStartANewRecordBeforeTheTextOfOneWouldPassTheLimit() {
        final String name = "n".repeat(EnrichTopology.BATCH_CHARS / 3);
        final List<StoryChange> changes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            changes.add(new StoryChange(null, member("s" + i, "a", name, 50)));
        }

        final List<KeyValue<String, StatsChanges>> batches = batches(changes);

        assertThat(batches).extracting(batch -> batch.value.changes().size()).containsExactly(2, 2, 2, 1);
        assertThat(batches)
                .allSatisfy(batch -> assertThat(batch.value.changes().stream()
                                .mapToInt(EnrichTopology::chars)
                                .sum())
                        .isLessThanOrEqualTo(EnrichTopology.BATCH_CHARS));
    }

    @Test
    void shouldWriteOneChangeLargerThanTheLimitAlone() {
        final String name = "n".repeat(EnrichTopology.BATCH_CHARS + 1);
        final List<StoryChange> changes = List.of(
                new StoryChange(null, member("s1", "a", "short", 50)),
                new StoryChange(null, member("s2", "a", name, 50)),
                new StoryChange(null, member("s3", "a", "short", 50)));

        assertThat(batches(changes))
                .extracting(batch -> batch.value.changes().size())
                .containsExactly(1, 1, 1);
    }

    private static List<KeyValue<String, StatsChanges>> batches(List<StoryChange> changes) {
        return EnrichTopology.batches(
                changes, EnrichTopology::providerChanges, EnrichTopology::chars, StatsChanges::new);
    }

    private static StoryChange move(String id, String from, String to, int quality) {
        return new StoryChange(
                from == null ? null : member(id, from, "Example", 50), member(id, to, "Example", quality));
    }

    private static ClusterMember member(String id, String provider, String providerName, int quality) {
        return new ClusterMember(
                id,
                StoryKind.ARTICLE,
                "title",
                "https://example.com/" + id,
                provider,
                providerName,
                List.of("world"),
                Instant.parse("2026-11-01T00:00:00Z"),
                quality);
    }

    private static String describe(StatsChange change) {
        return (change.removed() == null ? "" : "-" + change.removed().storyId())
                + (change.added() == null ? "" : "+" + change.added().storyId());
    }
}
