package io.heatwire.enrich.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.heatwire.enrich.clustering.Effects.Outgoing;
import io.heatwire.enrich.clustering.Message.Adopt;
import io.heatwire.enrich.clustering.Message.Batch;
import io.heatwire.enrich.clustering.Message.Bounce;
import io.heatwire.enrich.clustering.Message.Claim;
import io.heatwire.enrich.clustering.Message.Ingest;
import io.heatwire.enrich.clustering.Message.Item;
import io.heatwire.enrich.clustering.Message.Link;
import io.heatwire.enrich.clustering.Message.Linked;
import io.heatwire.enrich.clustering.Message.Reg;
import io.heatwire.enrich.clustering.Message.Rename;
import io.heatwire.enrich.clustering.Message.Settle;
import io.heatwire.enrich.clustering.Message.Union;

/** Single handlers of one task, for the cases the simulation reaches only by chance. */
class ClusteringTaskTest {

    private final MapStore<String, Node<Figures>> nodes = new MapStore<>();
    private final MapStore<String, Cluster<Figures, Tally>> clusters = new MapStore<>();
    private final MapStore<MemberKey, Member<Figures>> members = new MapStore<>();
    private ClusteringTask<Figures, Tally> task = newTask(new Settings(0, 2));

    @Test
    void shouldWriteNothingWhenTheSameDocumentArrivesAgain() {
        final ArticleInput<Figures> document = article("a", 10L, Map.of("r", reference(5L)), Set.of());
        ingest(document, 1);
        task.punctuate(2);

        assertThat(ingest(document, 3).isEmpty()).isTrue();
        assertThat(task.punctuate(4).isEmpty()).isTrue();
    }

    @Test
    void shouldAdoptCountedMembersOnlyOnceTheRootConfirmsTheLink() {
        ingest(article("a", 10L, Map.of(), Set.of()), 1);
        ingest(article("b", 20L, Map.of(), Set.of()), 2); // younger, same size class: the smaller Φ
        task.punctuate(3);

        final List<Outgoing<Figures>> linked =
                process(new Union<>(hint("b"), hint("a")), 4).messages();
        assertThat(linked).extracting(Outgoing::message).singleElement().isInstanceOf(Link.class);
        assertThat(items(task.punctuate(5)))
                .as("no adopt before the root confirms")
                .isEmpty();

        final Message<Figures> confirmation =
                process(linked.get(0).message(), 6).messages().get(0).message();
        assertThat(confirmation).isInstanceOf(Linked.class);
        process(confirmation, 7);

        assertThat(items(task.punctuate(8))).singleElement().isInstanceOfSatisfying(Adopt.class, adopt -> {
            assertThat(adopt.story()).isEqualTo("b");
            assertThat(adopt.to().key()).isEqualTo("a");
            assertThat(adopt.guess()).isEqualTo("a");
        });
    }

    @Test
    void shouldBounceARegistrationThatReachesAForwardedCluster() {
        linkBUnderA();

        process(batch(new Reg<>("b", "x", null, new Figures(1, 1), new StoryOrder(1L, "x"), "b", false)), 10);

        assertThat(items(task.punctuate(11)))
                .filteredOn(Bounce.class::isInstance)
                .singleElement()
                .isEqualTo(new Bounce<Figures>("x", "b", clusters.get("b").parent()));
        assertThat(clusters.get("b").inline())
                .as("a forwarded cluster counts no newcomer")
                .containsOnlyKeys("b");
    }

    @Test
    void shouldBounceAUnionBackWhenTheTargetGrewPastTheRankItCarried() {
        ingest(article("a", 10L, Map.of(), Set.of()), 1);
        final Hint stale = hint("a");
        for (String member : List.of("m1", "m2", "m3")) {
            process(batch(new Reg<>("a", member, null, new Figures(1, 1), new StoryOrder(50L, member), "a", false)), 2);
        }
        ingest(article("z", 20L, Map.of(), Set.of()), 3);
        final Hint older = new Hint(new Rank(1, 0, "z"), null); // carried Φ above a's stale one

        final List<Outgoing<Figures>> out =
                process(new Union<>(stale, older), 4).messages();

        assertThat(clusters.get("a").isRoot())
                .as("a grew to class 2: it does not link")
                .isTrue();
        assertThat(out).extracting(Outgoing::message).singleElement().isEqualTo(new Union<Figures>(older, hint("a")));
    }

    @Test
    void shouldRenameOnlyMembersThatBelieveAnotherPid() {
        ingest(article("a", 10L, Map.of(), Set.of()), 1);
        process(batch(new Reg<>("a", "m", null, new Figures(1, 1), new StoryOrder(50L, "m"), "a", false)), 2);
        task.punctuate(3);

        process(new Link<>("a", "c", Set.of(new StoryOrder(5L, "e")), Set.of("c")), 4);
        final Effects<Figures, Tally> flushed = task.punctuate(5);

        assertThat(items(flushed))
                .filteredOn(Rename.class::isInstance)
                .extracting(Item::key)
                .containsExactlyInAnyOrder("a", "m");
        assertThat(flushed.clusters()).extracting(Effects.ClusterUpdate::id).containsExactlyInAnyOrder("a", "c", "e");
        assertThat(flushed.clusters())
                .filteredOn(update -> update.record() == null)
                .extracting(Effects.ClusterUpdate::id)
                .as("one tombstone each for the ids no longer naming it")
                .containsExactlyInAnyOrder("a", "c");

        process(batch(new Reg<>("a", "e", null, new Figures(2, 2), new StoryOrder(5L, "e"), "e", false)), 6);
        assertThat(items(task.punctuate(7)))
                .as("the expected story arrives believing the right pid")
                .filteredOn(Rename.class::isInstance)
                .isEmpty();
        assertThat(clusters.get("a").expected()).isEmpty();
    }

    @Test
    void shouldRetireAReferenceClaimedAsAlias() {
        deliverAll(ingest(article("a", 10L, Map.of("r", reference(1L)), Set.of()), 1)
                .messages());
        // a's flush settles r at a; r registers at once, in the same step
        deliverAll(deliverAll(task.punctuate(3).messages()));
        assertThat(clusters.get("a").size()).isEqualTo(2);
        assertThat(clusters.get("a").pid().id()).isEqualTo("r");
        task.punctuate(5);

        process(new Claim<>("r", "o", hint("a")), 6);
        final Effects<Figures, Tally> flushed = task.punctuate(7);

        assertThat(flushed.stories()).singleElement().satisfies(story -> {
            assertThat(story.id()).isEqualTo("r");
            assertThat(story.clusterId()).as("tombstone").isNull();
        });
        assertThat(items(flushed))
                .singleElement()
                .isEqualTo(new Reg<>(
                        "a",
                        "r",
                        reference(1L).contribution(),
                        null,
                        new StoryOrder(1L, "r"),
                        "a",
                        true)); // the rename to "r" was never delivered
        deliverAll(flushed.messages());
        final Effects<Figures, Tally> renamed = task.punctuate(8);
        assertThat(clusters.get("a").pid().id())
                .as("the root recomputes its earliest member")
                .isEqualTo("a");
        assertThat(renamed.clusters()).extracting(Effects.ClusterUpdate::id).containsExactlyInAnyOrder("r", "a");
    }

    @Test
    void shouldRefuseToRemoveAContributionItNeverCounted() {
        ingest(article("a", 10L, Map.of(), Set.of()), 1);

        assertThatThrownBy(() -> process(
                        batch(new Reg<>("a", "x", new Figures(1, 1), null, new StoryOrder(1L, "x"), "a", false)), 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never counted");
    }

    @Test
    void shouldRefuseABatchItemOfAnotherPartition() {
        final ClusteringTask<Figures, Tally> partitionZero = new ClusteringTask<>(
                0,
                id -> id.startsWith("p1") ? 1 : 0,
                nodes,
                clusters,
                members,
                StoryFacts::newer,
                Tally.AGGREGATOR,
                Settings.defaults());
        final Batch<Figures> batch = new Batch<>(0, List.of(new Settle<>("p1-story", hint0(), "x")));

        assertThatThrownBy(() -> partitionZero.process(null, batch, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to partition 1");
    }

    @Test
    void shouldRebuildTheOutboxFromTheStoresAfterARestart() {
        ingest(article("a", 10L, Map.of(), Set.of()), 1);

        task = newTask(new Settings(0, 2));
        task.init();

        assertThat(task.punctuate(2).stories())
                .extracting(Effects.StoryUpdate::id)
                .containsExactly("a");
    }

    @Test
    void shouldSpillTheRosterToTheMemberIndexBeyondTheInlineLimit() {
        ingest(article("a", 10L, Map.of(), Set.of()), 1);
        for (String member : List.of("m1", "m2")) {
            process(batch(new Reg<>("a", member, null, new Figures(1, 1), new StoryOrder(50L, member), "a", false)), 2);
        }

        assertThat(clusters.get("a").spilled()).isTrue();
        assertThat(clusters.get("a").inline()).isEmpty();
        assertThat(clusters.get("a").size()).isEqualTo(3);
        assertThat(members.size()).isEqualTo(3);
    }

    // ---- fixture --------------------------------------------------------------------------------

    private ClusteringTask<Figures, Tally> newTask(Settings settings) {
        final ClusteringTask<Figures, Tally> created = new ClusteringTask<>(
                0, id -> 0, nodes, clusters, members, StoryFacts::newer, Tally.AGGREGATOR, settings);
        created.init();
        return created;
    }

    private void linkBUnderA() {
        ingest(article("a", 10L, Map.of(), Set.of()), 1);
        ingest(article("b", 20L, Map.of(), Set.of()), 2);
        final Message<Figures> link =
                process(new Union<>(hint("b"), hint("a")), 3).messages().get(0).message();
        process(process(link, 4).messages().get(0).message(), 5);
    }

    private Effects<Figures, Tally> ingest(ArticleInput<Figures> document, long now) {
        return task.process(document.id(), new Ingest<>(document), now);
    }

    private Effects<Figures, Tally> process(Message<Figures> message, long now) {
        return task.process(ClusteringTask.keyOf(message), message, now);
    }

    /** Delivers the messages; returns what their handling sent. */
    private List<Outgoing<Figures>> deliverAll(List<Outgoing<Figures>> messages) {
        final List<Outgoing<Figures>> sent = new ArrayList<>();
        for (Outgoing<Figures> outgoing : messages) {
            sent.addAll(process(outgoing.message(), 100).messages());
        }
        return sent;
    }

    private Hint hint(String cluster) {
        return clusters.get(cluster).hint();
    }

    private static Hint hint0() {
        return new Hint(new Rank(0, 0, "c"), null);
    }

    private static Batch<Figures> batch(Item<Figures> item) {
        return new Batch<>(0, List.of(item));
    }

    private static List<Item<Figures>> items(Effects<Figures, Tally> effects) {
        final List<Item<Figures>> items = new ArrayList<>();
        effects.messages().stream()
                .map(Outgoing::message)
                .filter(Batch.class::isInstance)
                .forEach(message -> items.addAll(((Batch<Figures>) message).items()));
        return items;
    }

    private static ArticleInput<Figures> article(
            String id, Long published, Map<String, StoryFacts<Figures>> related, Set<String> aliases) {
        return new ArticleInput<>(
                id, new StoryFacts<>(Kind.ARTICLE, 1, published, new Figures(50, 10)), related, aliases);
    }

    private static StoryFacts<Figures> reference(Long published) {
        return new StoryFacts<>(Kind.REFERENCE, 1, published, new Figures(7, 3));
    }
}
