package io.heatwire.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what the pipeline wrote with what loadgen planned: story counts, every cluster id and
 * size, the size histogram, the largest clusters and where each bridge ended up. A fast run with a
 * wrong answer has failed.
 */
final class StructureCheck {

    /** Differences listed one by one; the rest are counted. */
    static final int LISTED = 10;

    /**
     * The outcome.
     *
     * @param differences what differs, most telling first; empty when the structure is right
     */
    record Result(
            long expectedStories,
            long actualStories,
            long expectedClusters,
            long actualClusters,
            List<String> differences) {

        Result {
            differences = List.copyOf(differences);
        }

        boolean passed() {
            return differences.isEmpty();
        }
    }

    private StructureCheck() {}

    /**
     * @param ceiling the run had clustering off: every story must be its own cluster and no cluster
     *                record may exist; the stories themselves are checked as always
     */
    static Result compare(final ExpectedClusters expected, final boolean ceiling, final ObservedClusters actual) {
        return ceiling ? compareCeiling(expected, actual) : compare(expected, actual);
    }

    static Result compare(final ExpectedClusters expected, final ObservedClusters actual) {
        final List<String> differences = storyDifferences(expected, actual);
        if (expected.clusterCount() != actual.clusters().size()) {
            differences.add("clusters: expected " + expected.clusterCount() + ", found "
                    + actual.clusters().size());
        }
        final SortedMap<Integer, Integer> histogram = histogram(actual.clusters());
        if (!histogram.equals(expected.clusterSizeHistogram())) {
            differences.add("cluster size histogram differs: "
                    + histogramDifference(expected.clusterSizeHistogram(), histogram));
        }
        final List<ExpectedClusters.Cluster> largest =
                largest(actual.clusters(), expected.largestClusters().size());
        if (!largest.equals(expected.largestClusters())) {
            differences.add("largest clusters: expected " + describe(expected.largestClusters()) + ", found "
                    + describe(largest));
        }
        for (final ExpectedClusters.Bridge bridge : expected.bridges()) {
            final String found = actual.storyClusters().get(bridge.storyId());
            if (!bridge.clusterId().equals(found)) {
                differences.add("bridge " + bridge.document() + " (story " + bridge.storyId() + "): expected cluster "
                        + bridge.clusterId() + ", found " + (found == null ? "no story" : found));
            }
        }
        differences.addAll(clusterDifferences(expected.clusters(), actual.clusters()));
        return new Result(
                expected.stories(),
                actual.stories(),
                expected.clusterCount(),
                actual.clusters().size(),
                differences);
    }

    /** Without clustering: the same stories, each its own cluster, and no cluster record at all. */
    static Result compareCeiling(final ExpectedClusters expected, final ObservedClusters actual) {
        final List<String> differences = storyDifferences(expected, actual);
        if (!actual.clusters().isEmpty()) {
            differences.add(
                    actual.clusters().size() + " cluster records were written (expected none without " + "clustering)");
        }
        actual.storyClusters().forEach((story, cluster) -> {
            if (!story.equals(cluster) && differences.size() < LISTED) {
                differences.add("story " + story + ": expected to be its own cluster, found " + cluster);
            }
        });
        return new Result(
                expected.stories(), actual.stories(), 0, actual.clusters().size(), differences);
    }

    /** Dead letters and story counts, checked with and without clustering. */
    private static List<String> storyDifferences(final ExpectedClusters expected, final ObservedClusters actual) {
        final List<String> differences = new ArrayList<>();
        if (actual.deadLetters() != 0) {
            differences.add(actual.deadLetters() + " documents were dead-lettered (expected none)");
        }
        if (expected.stories() != actual.stories()) {
            differences.add("stories: expected " + expected.stories() + ", found " + actual.stories());
        }
        if (actual.articleStories() != expected.documents()) {
            differences.add("ARTICLE stories: expected " + expected.documents() + ", found " + actual.articleStories());
        }
        if (actual.referenceStories() != expected.referenceStories()) {
            differences.add("REFERENCE stories: expected " + expected.referenceStories() + ", found "
                    + actual.referenceStories());
        }
        return differences;
    }

    /** Cluster by cluster: the first {@link #LISTED} differences, then how many more. */
    static List<String> clusterDifferences(final Map<String, Long> expected, final Map<String, Long> actual) {
        final List<String> listed = new ArrayList<>();
        long more = 0;
        final TreeSet<String> ids = new TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        for (final String id : ids) {
            final Long want = expected.get(id);
            final Long got = actual.get(id);
            if (want != null && want.equals(got)) {
                continue;
            }
            if (listed.size() >= LISTED) {
                more++;
            } else if (got == null) {
                listed.add("cluster " + id + " of " + want + " stories is missing");
            } else if (want == null) {
                listed.add("cluster " + id + " of " + got + " stories is not expected");
            } else {
                listed.add("cluster " + id + ": expected " + want + " stories, found " + got);
            }
        }
        if (more > 0) {
            listed.add("… and " + more + " more cluster differences");
        }
        return listed;
    }

    static SortedMap<Integer, Integer> histogram(final Map<String, Long> clusters) {
        final SortedMap<Integer, Integer> histogram = new TreeMap<>();
        clusters.values().forEach(size -> histogram.merge(size.intValue(), 1, Integer::sum));
        return histogram;
    }

    static List<ExpectedClusters.Cluster> largest(final Map<String, Long> clusters, final int count) {
        return clusters.entrySet().stream()
                .map(entry -> new ExpectedClusters.Cluster(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(ExpectedClusters.Cluster::size)
                        .reversed()
                        .thenComparing(ExpectedClusters.Cluster::clusterId))
                .limit(count)
                .toList();
    }

    private static String histogramDifference(
            final SortedMap<Integer, Integer> expected, final SortedMap<Integer, Integer> actual) {
        final TreeSet<Integer> sizes = new TreeSet<>(expected.keySet());
        sizes.addAll(actual.keySet());
        final List<String> parts = new ArrayList<>();
        for (final int size : sizes) {
            final int want = expected.getOrDefault(size, 0);
            final int got = actual.getOrDefault(size, 0);
            if (want != got && parts.size() < LISTED) {
                parts.add("size " + size + ": " + want + " expected, " + got + " found");
            }
        }
        return String.join("; ", parts);
    }

    private static String describe(final List<ExpectedClusters.Cluster> clusters) {
        final List<String> parts = new ArrayList<>();
        for (final ExpectedClusters.Cluster cluster : clusters) {
            parts.add(cluster.size() + " ("
                    + cluster.clusterId()
                            .substring(0, Math.min(8, cluster.clusterId().length())) + ")");
        }
        return String.join(", ", parts);
    }
}
