package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ExpectedClustersTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The shape loadgen's {@code --expected} file has (README, "Load generator"). */
    private static final String LOADGEN_FILE = """
            {
              "generator" : "heatwire-loadgen", "count" : 3, "seed" : 1, "documentBytes" : 15000,
              "articles" : 3, "documents" : 3, "stories" : 7, "referenceStories" : 4, "clusterCount" : 2,
              "clusterSizeHistogram" : { "2" : 1, "5" : 1 },
              "largestClusters" : [ { "clusterId" : "0a", "size" : 5 }, { "clusterId" : "0b", "size" : 2 } ],
              "bridges" : [ { "document" : "000002_0c.txt", "storyId" : "0c",
                              "merges" : [ { "clusterId" : "0a", "size" : 3 } ], "clusterId" : "0a" } ],
              "clusters" : { "0a" : 5, "0b" : 2 }
            }
            """;

    @Test
    void shouldReadEveryFieldTheCheckNeeds() {
        final ExpectedClusters expected = ExpectedClusters.of(MAPPER.readTree(LOADGEN_FILE));

        assertThat(expected.documents()).isEqualTo(3);
        assertThat(expected.documentBytes()).isEqualTo(15_000);
        assertThat(expected.stories()).isEqualTo(7);
        assertThat(expected.referenceStories()).isEqualTo(4);
        assertThat(expected.clusterCount()).isEqualTo(2);
        assertThat(expected.clusterSizeHistogram()).containsExactly(entry(2, 1), entry(5, 1));
        assertThat(expected.largestClusters())
                .containsExactly(new ExpectedClusters.Cluster("0a", 5), new ExpectedClusters.Cluster("0b", 2));
        assertThat(expected.bridges()).containsExactly(new ExpectedClusters.Bridge("000002_0c.txt", "0c", "0a"));
        assertThat(expected.clusters()).containsOnly(entry("0a", 5L), entry("0b", 2L));
    }

    @Test
    void shouldExpectTwoCorporaSideBySide() {
        final ExpectedClusters measured = ExpectedClusters.of(MAPPER.readTree(LOADGEN_FILE));
        final ExpectedClusters warmUp = ExpectedClusters.of(MAPPER.readTree(LOADGEN_FILE
                .replace("\"0a\"", "\"1a\"")
                .replace("\"0b\"", "\"1b\"")
                .replace("0c", "1c")));

        final ExpectedClusters both = measured.plus(warmUp);

        assertThat(both.documents()).isEqualTo(6);
        assertThat(both.documentBytes()).isEqualTo(30_000);
        assertThat(both.stories()).isEqualTo(14);
        assertThat(both.referenceStories()).isEqualTo(8);
        assertThat(both.clusterCount()).isEqualTo(4);
        assertThat(both.clusters()).containsOnly(entry("0a", 5L), entry("0b", 2L), entry("1a", 5L), entry("1b", 2L));
        assertThat(both.clusterSizeHistogram()).containsExactly(entry(2, 2), entry(5, 2));
        assertThat(both.largestClusters())
                .containsExactly(new ExpectedClusters.Cluster("0a", 5), new ExpectedClusters.Cluster("1a", 5));
        assertThat(both.bridges()).extracting(ExpectedClusters.Bridge::storyId).containsExactly("0c", "1c");
        assertThat(StructureCheck.compare(
                                both, new ObservedClusters(6, 8, both.clusters(), Map.of("0c", "0a", "1c", "1a"), 0))
                        .differences())
                .isEmpty();
    }

    @Test
    void shouldRefuseCorporaThatShareACluster() {
        final ExpectedClusters measured = ExpectedClusters.of(MAPPER.readTree(LOADGEN_FILE));

        assertThatThrownBy(() -> measured.plus(measured))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not disjoint");
    }

    @Test
    void shouldRejectAFileThatIsNotLoadgens() {
        assertThatThrownBy(() -> ExpectedClusters.of(MAPPER.readTree("{\"count\": 3}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
