package io.heatwire.enrich.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.heatwire.enrich.clustering.Effects.ClusterRecord;
import io.heatwire.enrich.clustering.Effects.ClusterUpdate;
import io.heatwire.enrich.clustering.Effects.StoryUpdate;

/**
 * SPEC 7 holds whatever the partitioning, the interleaving and the crash points: generated article
 * graphs run through the protocol on 1, 3 and 8 partitions, with random crashes rolling tasks back to
 * their last commit, end exactly where a plain union-find over the final input says.
 */
class ClusteringSimulationProperties {

    @Property(tries = 100)
    void shouldEndLikeUnionFindWhateverThePartitionsInterleavingAndCrashes(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int articles,
            @ForAll("partitionCounts") int partitions,
            @ForAll("crashWeights") int crashWeight,
            @ForAll("settleDelays") long settleDelay) {
        final List<ArticleInput<Figures>> documents = Documents.randomGraph(seed, articles);
        final ProtocolSimulation simulation =
                new ProtocolSimulation(partitions, seed, new Settings(settleDelay, 4), crashWeight, true);

        simulation.run(documents);

        assertMatchesOracle(simulation, new Oracle(documents));
    }

    @Property(tries = 12)
    void shouldLinkAllClaimantsOfASyndicatedUrlInEveryOrder(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 6) int claimants,
            @ForAll("partitionCounts") int partitions) {
        final List<ArticleInput<Figures>> documents = new ArrayList<>();
        long version = 0;
        for (int c = 0; c < claimants; c++) {
            documents.add(new ArticleInput<>(
                    "copy" + c,
                    new StoryFacts<>(Kind.ARTICLE, ++version, 10L + c, new Figures(c, 1)),
                    Map.of(),
                    java.util.Set.of("url")));
        }
        // the URL referenced before and after the claims, once by an article that claims nothing
        documents.add(new ArticleInput<>(
                "before",
                new StoryFacts<>(Kind.ARTICLE, ++version, 30L, new Figures(50, 2)),
                Map.of("url", new StoryFacts<>(Kind.REFERENCE, version, 5L, new Figures(1, 1))),
                java.util.Set.of()));
        documents.add(new ArticleInput<>(
                "after",
                new StoryFacts<>(Kind.ARTICLE, ++version, null, new Figures(60, 3)),
                Map.of("url", new StoryFacts<>(Kind.REFERENCE, version, 1L, new Figures(2, 1))),
                java.util.Set.of()));
        java.util.Collections.shuffle(documents, new java.util.Random(seed));
        final ProtocolSimulation simulation = new ProtocolSimulation(partitions, seed, Settings.defaults(), 1, true);

        simulation.run(documents);

        final Oracle oracle = new Oracle(documents);
        assertThat(oracle.clusters)
                .as("one cluster, the URL no story")
                .hasSize(1)
                .containsKey("copy0");
        assertMatchesOracle(simulation, oracle);
    }

    @Property(tries = 8)
    void shouldMergeTwoLargeClustersThroughALateBridge(@ForAll long seed, @ForAll("partitionCounts") int partitions) {
        final List<ArticleInput<Figures>> documents = new ArrayList<>(Documents.shuffledCluster(seed, "a", 30, 2, 500));
        documents.addAll(Documents.shuffledCluster(seed + 1, "b", 20, 2, 400));
        java.util.Collections.shuffle(documents, new java.util.Random(seed));
        documents.add(new ArticleInput<>(
                "bridge",
                new StoryFacts<>(Kind.ARTICLE, 1_000_000, 2000L, new Figures(7, 7)),
                Map.of(
                        Documents.articleId("a", 29),
                        new StoryFacts<>(Kind.REFERENCE, 1_000_000, 2000L, new Figures(1, 1)),
                        Documents.articleId("b", 19),
                        new StoryFacts<>(Kind.REFERENCE, 1_000_000, 2000L, new Figures(1, 1))),
                java.util.Set.of()));
        final ProtocolSimulation simulation = new ProtocolSimulation(partitions, seed, new Settings(40, 8), 1, true);

        simulation.run(documents);

        final Oracle oracle = new Oracle(documents);
        assertThat(oracle.clusters).hasSize(1).containsKey(Documents.articleId("b", 0));
        assertMatchesOracle(simulation, oracle);
    }

    static void assertMatchesOracle(ProtocolSimulation simulation, Oracle oracle) {
        simulation.checkInvariants();
        simulation.checkQuiescent();

        final Map<String, String> clusterIds = new HashMap<>();
        simulation.finalStories().forEach((id, update) -> clusterIds.put(id, update.clusterId()));
        assertThat(clusterIds)
                .as("story output: cluster id of every live story")
                .isEqualTo(oracle.clusterOf);
        simulation
                .finalStories()
                .forEach((id, update) ->
                        assertThat(update.facts()).as("facts of %s", id).isEqualTo(oracle.stories.get(id)));

        final Map<String, Oracle.Expected> clusters = new HashMap<>();
        simulation
                .finalClusters()
                .forEach((id, record) -> clusters.put(id, new Oracle.Expected(record.size(), record.aggregate())));
        assertThat(clusters).as("cluster output: one live record per component").isEqualTo(oracle.clusters);
        simulation
                .finalClusters()
                .forEach((id, record) -> assertThat(record.id()).isEqualTo(id));

        assertOneTombstonePerRetiredId(simulation.clusterLog(), oracle);
        assertNoTombstoneWithoutRecord(simulation.storyLog());
    }

    /** Per cluster id: no tombstone before a record, never two in a row, the last entry a tombstone iff dead. */
    private static void assertOneTombstonePerRetiredId(List<ClusterUpdate<Figures, Tally>> log, Oracle oracle) {
        final Map<String, List<ClusterRecord<Figures, Tally>>> byId = new HashMap<>();
        for (ClusterUpdate<Figures, Tally> update : log) {
            byId.computeIfAbsent(update.id(), id -> new ArrayList<>()).add(update.record());
        }
        byId.forEach((id, entries) -> {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) == null) {
                    assertThat(i)
                            .as("tombstone of %s without a record before it: %s", id, entries)
                            .isPositive();
                    assertThat(entries.get(i - 1))
                            .as("two tombstones in a row for %s", id)
                            .isNotNull();
                }
            }
            final boolean live = oracle.clusters.containsKey(id);
            assertThat(entries.get(entries.size() - 1) == null)
                    .as("last entry of %s is a tombstone", id)
                    .isEqualTo(!live);
        });
    }

    private static void assertNoTombstoneWithoutRecord(List<StoryUpdate<Figures>> log) {
        final Map<String, Boolean> live = new HashMap<>();
        for (StoryUpdate<Figures> update : log) {
            if (update.clusterId() == null) {
                assertThat(live.getOrDefault(update.id(), false))
                        .as("story tombstone for %s with no live record", update.id())
                        .isTrue();
            }
            live.put(update.id(), update.clusterId() != null);
        }
    }

    @Provide
    Arbitrary<Integer> partitionCounts() {
        return Arbitraries.of(1, 3, 8);
    }

    @Provide
    Arbitrary<Integer> crashWeights() {
        return Arbitraries.of(0, 1, 3);
    }

    @Provide
    Arbitrary<Long> settleDelays() {
        return Arbitraries.of(0L, 20L, 200L);
    }
}
