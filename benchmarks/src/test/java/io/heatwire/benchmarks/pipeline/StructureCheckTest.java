package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class StructureCheckTest {

    private static final String BIG = "00aa";
    private static final String SMALL = "00bb";
    private static final String SINGLE = "00cc";

    private static ExpectedClusters expected() {
        final Map<String, Long> clusters = Map.of(BIG, 5L, SMALL, 2L, SINGLE, 1L);
        return new ExpectedClusters(
                4,
                1_000,
                8,
                4,
                3,
                StructureCheck.histogram(clusters),
                List.of(
                        new ExpectedClusters.Cluster(BIG, 5),
                        new ExpectedClusters.Cluster(SMALL, 2),
                        new ExpectedClusters.Cluster(SINGLE, 1)),
                List.of(new ExpectedClusters.Bridge("000003_ffff.txt", "ffff", BIG)),
                clusters);
    }

    private static ObservedClusters observed(final Map<String, Long> clusters, final String bridgeCluster) {
        final Map<String, String> stories = new HashMap<>();
        if (bridgeCluster != null) {
            stories.put("ffff", bridgeCluster);
        }
        return new ObservedClusters(4, 4, clusters, stories, 0);
    }

    @Test
    void shouldPassWhenEveryClusterAndBridgeIsAsPlanned() {
        final StructureCheck.Result result =
                StructureCheck.compare(expected(), observed(Map.of(BIG, 5L, SMALL, 2L, SINGLE, 1L), BIG));

        assertThat(result.passed()).isTrue();
        assertThat(result.differences()).isEmpty();
        assertThat(result.actualStories()).isEqualTo(8);
        assertThat(result.actualClusters()).isEqualTo(3);
    }

    @Test
    void shouldFailWhenAMergeDidNotHappen() {
        final Map<String, Long> unmerged = Map.of(BIG, 3L, "00ab", 2L, SMALL, 2L, SINGLE, 1L);

        final StructureCheck.Result result = StructureCheck.compare(expected(), observed(unmerged, "00ab"));

        assertThat(result.passed()).isFalse();
        assertThat(result.differences())
                .anySatisfy(d -> assertThat(d).startsWith("clusters: expected 3, found 4"))
                .anySatisfy(d -> assertThat(d).startsWith("cluster size histogram differs"))
                .anySatisfy(d -> assertThat(d).startsWith("largest clusters"))
                .anySatisfy(
                        d -> assertThat(d).contains("bridge 000003_ffff.txt").contains("found 00ab"))
                .contains("cluster 00aa: expected 5 stories, found 3", "cluster 00ab of 2 stories is not expected");
    }

    @Test
    void shouldFailOnStoryCountsAndDeadLetters() {
        final ObservedClusters actual =
                new ObservedClusters(3, 4, Map.of(BIG, 5L, SMALL, 2L, SINGLE, 1L), Map.of("ffff", BIG), 2);

        final StructureCheck.Result result = StructureCheck.compare(expected(), actual);

        assertThat(result.differences())
                .containsExactly(
                        "2 documents were dead-lettered (expected none)",
                        "stories: expected 8, found 7",
                        "ARTICLE stories: expected 4, found 3");
    }

    @Test
    void shouldReportAMissingBridgeStory() {
        final StructureCheck.Result result =
                StructureCheck.compare(expected(), observed(Map.of(BIG, 5L, SMALL, 2L, SINGLE, 1L), null));

        assertThat(result.differences())
                .containsExactly("bridge 000003_ffff.txt (story ffff): expected cluster 00aa, found no story");
    }

    @Test
    void shouldListTenClusterDifferencesAndCountTheRest() {
        final Map<String, Long> expected = new TreeMap<>();
        for (int i = 0; i < 25; i++) {
            expected.put(String.format("%04d", i), 1L);
        }

        final List<String> differences = StructureCheck.clusterDifferences(expected, Map.of());

        assertThat(differences).hasSize(StructureCheck.LISTED + 1);
        assertThat(differences.get(0)).isEqualTo("cluster 0000 of 1 stories is missing");
        assertThat(differences.get(StructureCheck.LISTED)).isEqualTo("… and 15 more cluster differences");
    }

    @Test
    void shouldOrderLargestClustersBySizeThenId() {
        assertThat(StructureCheck.largest(Map.of("b", 2L, "a", 2L, "c", 9L, "d", 1L), 3))
                .containsExactly(
                        new ExpectedClusters.Cluster("c", 9),
                        new ExpectedClusters.Cluster("a", 2),
                        new ExpectedClusters.Cluster("b", 2));
    }

    @Test
    void shouldPassTheCeilingWhenEveryStoryIsItsOwnClusterAndNoClusterRecordExists() {
        final StructureCheck.Result result = StructureCheck.compare(expected(), true, observed(Map.of(), "ffff"));

        assertThat(result.passed()).isTrue();
        assertThat(result.actualStories()).isEqualTo(8);
    }

    @Test
    void shouldFailTheCeilingWhenClustersWereWrittenOrAStoryJoinedAnother() {
        final StructureCheck.Result result = StructureCheck.compare(expected(), true, observed(Map.of(BIG, 5L), BIG));

        assertThat(result.differences())
                .containsExactly(
                        "1 cluster records were written (expected none without clustering)",
                        "story ffff: expected to be its own cluster, found 00aa");
    }
}
