package io.heatwire.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What enrich-service must end up with for a corpus (SPEC 6–7): the number of stories and every
 * cluster, named by its earliest story (publication time, then smallest id), with its size.
 *
 * <p>Computed by a union-find over the references of the plan, whose story ids come from
 * enrich-service's {@code CanonicalUrl} and {@code StoryId}, and which {@link DocumentRenderer}
 * checks URL by URL against what it writes. The bridges are applied last, in document order, and
 * each records the clusters it joined as they were just before it arrived. An edit's extra related
 * entry is counted with its article's first version: it links within the article's cluster.
 *
 * @param documents            documents: the articles, their edits and re-publications
 * @param stories              distinct stories: the articles and the stories only named by related entries
 * @param referenceStories     stories only named by related entries (kind REFERENCE)
 * @param clusterCount         number of clusters
 * @param clusterSizeHistogram cluster size → number of clusters of that size
 * @param largestClusters      the ten largest clusters, largest first
 * @param bridges              the late documents that merge clusters, in document order
 * @param clusters             every cluster id → its size, ordered by id
 */
public record ExpectedStructure(
        int documents,
        long stories,
        long referenceStories,
        int clusterCount,
        SortedMap<Integer, Integer> clusterSizeHistogram,
        List<Cluster> largestClusters,
        List<Bridge> bridges,
        SortedMap<String, Integer> clusters) {

    /** A cluster: its id (its earliest story's) and its number of stories. */
    public record Cluster(String clusterId, int size) {}

    /**
     * A bridge document and what it did.
     *
     * @param document  its name
     * @param storyId   the story id of its article
     * @param merges    the clusters it joined, as they were just before it (one when it changes nothing)
     * @param clusterId the id of the cluster it ends up in, after every document
     */
    public record Bridge(String document, String storyId, List<Cluster> merges, String clusterId) {}

    public static ExpectedStructure of(final CorpusPlan plan, final DocumentRenderer names) {
        final UnionFind components = new UnionFind(plan);
        for (int article = 0; article < plan.regularCount(); article++) {
            link(plan, components, article);
        }
        final List<String> bridgeIds = new ArrayList<>();
        final List<List<Cluster>> bridgeMerges = new ArrayList<>();
        for (int article = plan.regularCount(); article < plan.count(); article++) {
            final Map<Integer, Cluster> touched = new LinkedHashMap<>();
            for (final int target : plan.articleRefs(article)) {
                final int root = components.find(target);
                touched.putIfAbsent(root, new Cluster(plan.id(components.earliest(root)), components.size(root)));
            }
            bridgeIds.add(plan.id(article));
            bridgeMerges.add(List.copyOf(touched.values()));
            link(plan, components, article);
        }

        final SortedMap<String, Integer> clusters = new TreeMap<>();
        for (int story = 0; story < plan.storyCount(); story++) {
            if (components.find(story) == story) {
                clusters.put(plan.id(components.earliest(story)), components.size(story));
            }
        }
        final SortedMap<Integer, Integer> histogram = new TreeMap<>();
        for (final int size : clusters.values()) {
            histogram.merge(size, 1, Integer::sum);
        }
        final List<Cluster> largest = clusters.entrySet().stream()
                .map(entry -> new Cluster(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(Cluster::size).reversed().thenComparing(Cluster::clusterId))
                .limit(10)
                .toList();
        final List<Bridge> bridges = new ArrayList<>();
        for (int i = 0; i < bridgeIds.size(); i++) {
            final int article = plan.regularCount() + i;
            bridges.add(new Bridge(
                    names.name(plan.firstBridgeDocument() + i),
                    bridgeIds.get(i),
                    bridgeMerges.get(i),
                    plan.id(components.earliest(components.find(article)))));
        }
        return new ExpectedStructure(
                plan.documentCount(),
                plan.storyCount(),
                plan.storyCount() - (long) plan.count(),
                clusters.size(),
                histogram,
                largest,
                List.copyOf(bridges),
                clusters);
    }

    private static void link(final CorpusPlan plan, final UnionFind components, final int article) {
        for (final int target : plan.articleRefs(article)) {
            components.union(article, target);
        }
        for (int story = plan.refOnlyStart(article); story < plan.refOnlyEnd(article); story++) {
            components.union(article, story);
        }
        if (plan.editRef(article) >= 0) {
            components.union(article, plan.editRef(article));
        }
    }

    /** Union by size with path halving; each root also knows its earliest story. */
    private static final class UnionFind {

        private final CorpusPlan plan;
        private final int[] parent;
        private final int[] size;
        private final int[] earliest;

        UnionFind(final CorpusPlan plan) {
            this.plan = plan;
            final int stories = plan.storyCount();
            parent = new int[stories];
            size = new int[stories];
            earliest = new int[stories];
            for (int i = 0; i < stories; i++) {
                parent[i] = i;
                size[i] = 1;
                earliest[i] = i;
            }
        }

        int find(final int story) {
            int node = story;
            while (parent[node] != node) {
                parent[node] = parent[parent[node]];
                node = parent[node];
            }
            return node;
        }

        void union(final int a, final int b) {
            int rootA = find(a);
            int rootB = find(b);
            if (rootA == rootB) {
                return;
            }
            if (size[rootA] < size[rootB]) {
                final int swap = rootA;
                rootA = rootB;
                rootB = swap;
            }
            parent[rootB] = rootA;
            size[rootA] += size[rootB];
            if (plan.earlier(earliest[rootB], earliest[rootA])) {
                earliest[rootA] = earliest[rootB];
            }
        }

        int size(final int root) {
            return size[root];
        }

        int earliest(final int root) {
            return earliest[root];
        }
    }
}
