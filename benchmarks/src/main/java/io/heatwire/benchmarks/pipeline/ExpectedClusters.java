package io.heatwire.benchmarks.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What enrich-service must end up with for a loadgen corpus: the {@code --expected} file loadgen
 * writes (README, "Load generator").
 *
 * @param documents            articles in the corpus
 * @param documentBytes        their total size
 * @param stories              live stories on {@code heatwire.stories}
 * @param referenceStories     of which REFERENCE stories
 * @param clusterCount         live clusters on {@code heatwire.clusters}
 * @param clusterSizeHistogram cluster size → clusters of that size
 * @param largestClusters      the largest clusters, largest first
 * @param bridges              the late documents that merge big clusters
 * @param clusters             every cluster id → its size
 */
record ExpectedClusters(
        long documents,
        long documentBytes,
        long stories,
        long referenceStories,
        long clusterCount,
        SortedMap<Integer, Integer> clusterSizeHistogram,
        List<Cluster> largestClusters,
        List<Bridge> bridges,
        Map<String, Long> clusters) {

    /** A cluster: its id and its number of stories. */
    record Cluster(String clusterId, long size) {}

    /** A bridge document: its article's story id and the cluster it must end up in. */
    record Bridge(String document, String storyId, String clusterId) {}

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * What the pipeline must hold after this corpus and {@code other} both went through it: their
     * stories and clusters side by side. Their story ids must be disjoint (loadgen's
     * {@code --id-namespace}); a cluster id both expect throws.
     */
    ExpectedClusters plus(final ExpectedClusters other) {
        final Map<String, Long> union = new HashMap<>(clusters);
        other.clusters.forEach((id, size) -> {
            if (union.putIfAbsent(id, size) != null) {
                throw new IllegalArgumentException(
                        "both corpora expect cluster " + id + ": their story ids are not disjoint");
            }
        });
        final SortedMap<Integer, Integer> histogram = new TreeMap<>(clusterSizeHistogram);
        other.clusterSizeHistogram.forEach((size, count) -> histogram.merge(size, count, Integer::sum));
        final List<Bridge> allBridges = new ArrayList<>(bridges);
        allBridges.addAll(other.bridges);
        return new ExpectedClusters(
                documents + other.documents,
                documentBytes + other.documentBytes,
                stories + other.stories,
                referenceStories + other.referenceStories,
                clusterCount + other.clusterCount,
                histogram,
                StructureCheck.largest(union, Math.max(largestClusters.size(), other.largestClusters.size())),
                List.copyOf(allBridges),
                union);
    }

    static ExpectedClusters read(final Path file) {
        return of(MAPPER.readTree(file.toFile()));
    }

    static ExpectedClusters of(final JsonNode root) {
        final SortedMap<Integer, Integer> histogram = new TreeMap<>();
        root.path("clusterSizeHistogram")
                .properties()
                .forEach(entry -> histogram.put(
                        Integer.parseInt(entry.getKey()), entry.getValue().asInt()));
        final List<Cluster> largest = new ArrayList<>();
        root.path("largestClusters")
                .forEach(cluster -> largest.add(new Cluster(
                        cluster.path("clusterId").asString(),
                        cluster.path("size").asLong())));
        final List<Bridge> bridges = new ArrayList<>();
        root.path("bridges")
                .forEach(bridge -> bridges.add(new Bridge(
                        bridge.path("document").asString(),
                        bridge.path("storyId").asString(),
                        bridge.path("clusterId").asString())));
        final Map<String, Long> clusters = new HashMap<>();
        root.path("clusters")
                .properties()
                .forEach(entry -> clusters.put(entry.getKey(), entry.getValue().asLong()));
        if (!root.has("stories") || !root.has("clusters")) {
            throw new IllegalArgumentException("not a loadgen expected-result file: no stories or clusters");
        }
        return new ExpectedClusters(
                root.path("documents").asLong(),
                root.path("documentBytes").asLong(),
                root.path("stories").asLong(),
                root.path("referenceStories").asLong(),
                root.path("clusterCount").asLong(clusters.size()),
                histogram,
                List.copyOf(largest),
                List.copyOf(bridges),
                clusters);
    }
}
