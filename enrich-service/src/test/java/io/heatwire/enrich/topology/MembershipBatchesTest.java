package io.heatwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.cluster.MemberChange;
import io.heatwire.enrich.cluster.MemberChanges;
import io.heatwire.article.story.StoryKind;

class MembershipBatchesTest {

    @Test
    void shouldBatchTheChangesOfOneWriteIntervalByClusterInTheOrderTheyWereMade() {
        final List<NodeOutput.Membership> memberships = List.of(
                move("s3", null, "a"), move("s1", "b", "a"), move("s2", null, "b"), move("s4", "a", "a"));

        final List<KeyValue<String, MemberChanges>> batches = batches(memberships);

        assertThat(batches).extracting(batch -> batch.key).containsExactly("a", "b");
        assertThat(batches.get(0).value.changes()).extracting(MembershipBatchesTest::describe)
                .containsExactly("+s3", "+s1", "-s4+s4");
        assertThat(batches.get(1).value.changes()).extracting(MembershipBatchesTest::describe)
                .containsExactly("-s1", "+s2");
    }

    @Test
    void shouldSplitAMergeIntoRecordsOfAtMostTheBatchSizeKeepingEveryChangeOnce() {
        final List<NodeOutput.Membership> memberships = new ArrayList<>();
        final int stories = EnrichTopology.BATCH_SIZE * 2 + 7;
        for (int i = 0; i < stories; i++) {
            memberships.add(move(String.format("s%05d", i), "big", "small"));
        }

        final List<KeyValue<String, MemberChanges>> batches = batches(memberships);

        assertThat(batches).allSatisfy(batch -> assertThat(batch.value.changes()).hasSizeLessThanOrEqualTo(EnrichTopology.BATCH_SIZE));
        assertThat(batches.stream().filter(batch -> batch.key.equals("big")).flatMap(batch -> batch.value.changes().stream())
                .map(change -> change.removed().id()).toList())
                .isEqualTo(memberships.stream().map(membership -> membership.before().id()).toList());
        assertThat(batches.stream().filter(batch -> batch.key.equals("small")).mapToInt(batch -> batch.value.changes().size()).sum())
                .isEqualTo(stories);
    }

    @Test
    void shouldStartANewRecordBeforeTheTextOfOneWouldPassTheLimit() {
        final String title = "t".repeat(EnrichTopology.BATCH_CHARS / 3);
        final List<NodeOutput.Membership> memberships = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            memberships.add(new NodeOutput.Membership(null, null, "a", member("s" + i, title)));
        }

        final List<KeyValue<String, MemberChanges>> batches = batches(memberships);

        assertThat(batches).extracting(batch -> batch.value.changes().size()).containsExactly(2, 2, 2, 1);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.value.changes().stream().mapToInt(EnrichTopology::chars).sum())
                .isLessThanOrEqualTo(EnrichTopology.BATCH_CHARS));
    }

    @Test
    void shouldWriteOneChangeLargerThanTheLimitAlone() {
        final String title = "t".repeat(EnrichTopology.BATCH_CHARS + 1);
        final List<NodeOutput.Membership> memberships = List.of(
                new NodeOutput.Membership(null, null, "a", member("s1", "short")),
                new NodeOutput.Membership(null, null, "a", member("s2", title)),
                new NodeOutput.Membership(null, null, "a", member("s3", "short")));

        assertThat(batches(memberships)).extracting(batch -> batch.value.changes().size()).containsExactly(1, 1, 1);
    }

    private static List<KeyValue<String, MemberChanges>> batches(List<NodeOutput.Membership> memberships) {
        return EnrichTopology.batches(memberships, EnrichTopology::memberChanges, EnrichTopology::chars, MemberChanges::new);
    }

    private static NodeOutput.Membership move(String id, String from, String to) {
        return new NodeOutput.Membership(from, from == null ? null : member(id, "before"), to, member(id, "after"));
    }

    private static ClusterMember member(String id, String title) {
        return new ClusterMember(id, StoryKind.ARTICLE, title, "https://example.com/" + id, "example.com", "Example",
                List.of("world"), Instant.parse("2026-11-01T00:00:00Z"), 50);
    }

    private static String describe(MemberChange change) {
        return (change.removed() == null ? "" : "-" + change.removed().id()) + (change.added() == null ? "" : "+" + change.added().id());
    }
}
