package io.heatwire.enrich.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC 7 "cost is part of the contract", counted in the simulation (no crashes, so nothing is
 * replayed): messages are every keyed message and every item inside a batch, i.e. before batching.
 */
class ClusteringCostTest {

    private static final int PARTITIONS = 3;
    /** Documents arrive about once per 60 steps: tasks keep up, as they must in production. */
    private static final int STEADY = 60;
    /** Messages per story while one cluster is built, whatever the arrival order. */
    private static final double MESSAGES_PER_STORY = 6.0;

    @ParameterizedTest
    @CsvSource({"1, 100", "2, 400", "3, 1600"})
    void shouldBuildAClusterOfNStoriesWithAFewMessagesPerStory(long seed, int articles) {
        final List<ArticleInput<Figures>> documents = Documents.growingCluster(seed, "a", articles, 4, 100);
        final int stories = Documents.ids(documents);
        final ProtocolSimulation simulation =
                new ProtocolSimulation(PARTITIONS, seed, Settings.defaults(), 0, false).arrivalOdds(STEADY);

        simulation.run(documents);

        ClusteringSimulationProperties.assertMatchesOracle(simulation, new Oracle(documents));
        report(
                "build " + stories + " stories, seed " + seed,
                simulation.counts(),
                articles,
                stories,
                simulation.storeWrites());
        assertThat((double) simulation.messages())
                .as("messages for %d stories", stories)
                .isLessThanOrEqualTo(MESSAGES_PER_STORY * stories);
        assertThat(simulation.count("output.stories")).as("story records").isLessThanOrEqualTo(2L * stories);
    }

    /**
     * The adversarial order: the articles of one tree arrive shuffled, so clusters form apart and
     * merge. Union by size bounds the moves by n log2 n and the naming rule forces renames on every
     * merge that changes a side's earliest story, so this grows like n log n; measured and bounded.
     */
    @ParameterizedTest
    @CsvSource({"1, 100", "2, 400", "3, 1600"})
    void shouldBuildAShuffledClusterWithinLogarithmicCostPerStory(long seed, int articles) {
        final List<ArticleInput<Figures>> documents = Documents.shuffledCluster(seed, "a", articles, 4, 100);
        final int stories = Documents.ids(documents);
        final ProtocolSimulation simulation =
                new ProtocolSimulation(PARTITIONS, seed, Settings.defaults(), 0, false).arrivalOdds(STEADY);

        simulation.run(documents);

        ClusteringSimulationProperties.assertMatchesOracle(simulation, new Oracle(documents));
        report(
                "shuffled build " + stories + " stories, seed " + seed,
                simulation.counts(),
                articles,
                stories,
                simulation.storeWrites());
        final double log2 = Math.log(stories) / Math.log(2);
        assertThat((double) simulation.messages())
                .as("messages for %d stories", stories)
                .isLessThanOrEqualTo(2.0 * log2 * stories);
    }

    /**
     * A bridge article joins a large and a small cluster. The small side moves (its stories register
     * again), the side whose earliest story is later is renamed; everything else is a constant.
     */
    @ParameterizedTest
    @CsvSource({"400, true", "600, false"})
    void shouldMergeTwoClustersAtTheCostOfTheMovedAndTheRenamedSide(long smallFirstPublished, boolean bigSideRenamed) {
        final List<ArticleInput<Figures>> big = Documents.growingCluster(7, "big", 100, 4, 500);
        final List<ArticleInput<Figures>> small = Documents.growingCluster(8, "small", 20, 4, smallFirstPublished);
        final int bigStories = Documents.ids(big);
        final int smallStories = Documents.ids(small);
        final ProtocolSimulation simulation =
                new ProtocolSimulation(PARTITIONS, 9, Settings.defaults(), 0, false).arrivalOdds(STEADY);
        simulation.run(big);
        simulation.run(small);
        final Map<String, Long> before = simulation.counts();

        final ArticleInput<Figures> bridge = new ArticleInput<>(
                "bridge",
                new StoryFacts<>(Kind.ARTICLE, 1_000_000, 5000L, new Figures(1, 1)),
                Map.of(
                        Documents.articleId("big", 50),
                        new StoryFacts<>(Kind.REFERENCE, 1_000_000, 5000L, new Figures(1, 1)),
                        Documents.articleId("small", 10),
                        new StoryFacts<>(Kind.REFERENCE, 1_000_000, 5000L, new Figures(1, 1))),
                Set.of());
        simulation.run(List.of(bridge));

        final Map<String, Long> merge = minus(simulation.counts(), before);
        report(
                "merge " + bigStories + " + " + smallStories + (bigSideRenamed ? ", big side renamed" : ""),
                merge,
                1,
                1,
                0);
        final long control = merge.getOrDefault("message.Union", 0L)
                + merge.getOrDefault("message.Link", 0L)
                + merge.getOrDefault("message.Retired", 0L);
        assertThat(control).as("unions, links").isLessThanOrEqualTo(8);
        assertThat(merge.getOrDefault("batches", 0L)).as("batches").isLessThanOrEqualTo(6L * PARTITIONS + 4);
        assertThat(merge.getOrDefault("item.Reg", 0L)).as("registrations").isLessThanOrEqualTo(2L * smallStories + 2);
        assertThat(merge.getOrDefault("item.Adopt", 0L) + merge.getOrDefault("item.Bounce", 0L))
                .as("moves")
                .isLessThanOrEqualTo(smallStories + 1);
        final int renamed = bigSideRenamed ? bigStories : smallStories;
        assertThat(merge.getOrDefault("output.stories", 0L)).as("story records").isLessThanOrEqualTo(renamed + 4);
        assertThat(merge.getOrDefault("item.Rename", 0L)).as("renames").isLessThanOrEqualTo(renamed + 1);
        assertThat(merge.getOrDefault("output.clusters", 0L))
                .as("cluster records")
                .isLessThanOrEqualTo(8);
        final List<ArticleInput<Figures>> all = new java.util.ArrayList<>(big);
        all.addAll(small);
        all.add(bridge);
        ClusteringSimulationProperties.assertMatchesOracle(simulation, new Oracle(all));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void shouldWriteNothingWhenAnIdenticalDocumentIsPublishedAgain(int partitions) {
        final List<ArticleInput<Figures>> documents = Documents.randomGraph(11, 30);
        final ProtocolSimulation simulation = new ProtocolSimulation(partitions, 11, Settings.defaults(), 0, false);
        simulation.run(documents);
        final Map<String, Long> before = simulation.counts();

        simulation.run(documents);

        final Map<String, Long> again = minus(simulation.counts(), before);
        report(
                "republish " + documents.size() + " documents on " + partitions + " partitions",
                again,
                documents.size(),
                documents.size(),
                0);
        assertThat(again).containsOnlyKeys("input.Ingest");
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        final Map<String, Long> delta = new TreeMap<>();
        after.forEach((kind, n) -> {
            final long d = n - before.getOrDefault(kind, 0L);
            if (d != 0) {
                delta.put(kind, d);
            }
        });
        return delta;
    }

    private static void report(String what, Map<String, Long> counts, int articles, int stories, long storeWrites) {
        final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s:", what));
        long messages = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getKey().startsWith("item.") || entry.getKey().startsWith("message.")) {
                messages += entry.getValue();
            }
            line.append(String.format(
                    Locale.ROOT,
                    " %s=%d (%.2f/article)",
                    entry.getKey(),
                    entry.getValue(),
                    entry.getValue() / (double) articles));
        }
        line.append(String.format(
                Locale.ROOT,
                " | messages %d = %.2f/article, %.2f/story; store writes %.2f/article",
                messages,
                messages / (double) articles,
                messages / (double) stories,
                storeWrites / (double) articles));
        System.out.println(line);
    }
}
