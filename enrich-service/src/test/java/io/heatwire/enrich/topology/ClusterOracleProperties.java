package io.heatwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.heatwire.article.identity.CanonicalUrl;
import io.heatwire.article.identity.StoryId;
import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.story.SourceVersion;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryMerge;
import io.heatwire.enrich.clustering.ClusteringProcessor;

/**
 * Clusters (SPEC 7) do not depend on arrival order or partitioning: generated story graphs fed in
 * random orders over 1, 3 and 8 partitions end with every story's cluster id equal to what a plain
 * union-find over the same graph says — the earliest story of its component (publication time,
 * unknown last, then the smallest id).
 */
public class ClusterOracleProperties {

    private static final ArticleParser PARSER = new ArticleParser(ParseLimits.defaults());

    /** A generated graph: articles by node number, each with the node numbers it references. */
    public record Graph(
            int nodes,
            Map<Integer, List<Integer>> related,
            Map<Integer, Integer> aliasReferences,
            int versions,
            long orderSeed) {}

    @Property(tries = 60)
    void shouldClusterLikeUnionFindWhateverTheOrderAndPartitions(
            @ForAll("graphs") Graph graph, @ForAll("partitionCounts") int partitions) {
        final List<byte[]> documents = documents(graph);
        final Map<String, Story> stories =
                new ClusteringSimulation(partitions, graph.orderSeed()).run(documents, 2_000_000);

        final Map<String, String> expected = oracle(graph, documents);
        assertThat(stories.keySet()).isEqualTo(expected.keySet());
        stories.forEach((id, story) ->
                assertThat(story.clusterId()).as("cluster of %s", id).isEqualTo(expected.get(id)));
        // and each story's whole record is the merge of all its versions, whatever the order
        final Map<String, Story> merged = merged(documents);
        stories.forEach((id, story) -> assertThat(story)
                .as("story %s", id)
                .isEqualTo(ClusteringProcessor.published(merged.get(id), expected.get(id))));
    }

    @Property(tries = 20)
    void shouldMergeTwoLongChainsThroughALateBridge(
            @ForAll @IntRange(min = 5, max = 60) int length,
            @ForAll("partitionCounts") int partitions,
            @ForAll long seed) {
        final Map<Integer, List<Integer>> related = new HashMap<>();
        for (int i = 0; i < length - 1; i++) {
            related.put(i, List.of(i + 1));
            related.put(length + i, List.of(length + i + 1));
        }
        related.put(2 * length, List.of(length - 1, 2 * length - 1)); // the bridge
        final Graph graph = new Graph(2 * length + 1, related, Map.of(), 1, seed);

        final List<byte[]> documents = documents(graph);
        final Map<String, Story> stories = new ClusteringSimulation(partitions, seed).run(documents, 2_000_000);

        final Map<String, String> expected = oracle(graph, documents);
        assertThat(new TreeSet<>(expected.values())).hasSize(1);
        stories.forEach((id, story) -> assertThat(story.clusterId()).isEqualTo(expected.get(id)));
    }

    @Provide
    Arbitrary<Integer> partitionCounts() {
        return Arbitraries.of(1, 3, 8);
    }

    @Provide
    Arbitrary<Graph> graphs() {
        final Arbitrary<Integer> nodes = Arbitraries.integers().between(2, 40);
        return nodes.flatMap(n -> Combinators.combine(
                        relatedLists(n),
                        aliasReferences(n),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.longs())
                .as((related, aliases, versions, seed) -> new Graph(n, related, aliases, versions, seed)));
    }

    /** Small components, chains and stars come out of sparse random edges; duplicates and self edges too. */
    private static Arbitrary<Map<Integer, List<Integer>>> relatedLists(int n) {
        final Arbitrary<List<Integer>> references =
                Arbitraries.integers().between(0, n - 1).list().ofMaxSize(4);
        return Arbitraries.maps(Arbitraries.integers().between(0, n - 1), references)
                .ofMaxSize(n);
    }

    /** Node k's document also references the original URL of article v (an alias of v). */
    private static Arbitrary<Map<Integer, Integer>> aliasReferences(int n) {
        return Arbitraries.maps(
                        Arbitraries.integers().between(0, n - 1),
                        Arbitraries.integers().between(0, n - 1))
                .ofMaxSize(3);
    }

    /** A fixed random graph of {@code nodes} nodes, for tests that need one without jqwik. */
    public static Graph sampleGraph(int nodes, long seed) {
        final Random random = new Random(seed);
        final Map<Integer, List<Integer>> related = new HashMap<>();
        for (int i = 0; i < nodes; i++) {
            if (random.nextInt(3) > 0) {
                final List<Integer> references = new ArrayList<>();
                for (int r = random.nextInt(4); r > 0; r--) {
                    references.add(random.nextInt(nodes));
                }
                related.put(i, references);
            }
        }
        final Map<Integer, Integer> aliases = new HashMap<>();
        for (int a = 0; a < nodes / 10; a++) {
            aliases.put(random.nextInt(nodes), random.nextInt(nodes));
        }
        return new Graph(nodes, related, aliases, 2, seed);
    }

    static String webUrl(int node) {
        return "https://www.site" + node + ".example/story/" + node;
    }

    static String originalUrl(int node) {
        return "https://origin" + node + ".example/original/" + node;
    }

    static String id(String url) {
        return StoryId.of(CanonicalUrl.canonicalize(url).orElseThrow());
    }

    /** Every article of the graph as documents; with versions = 2 its references are split over two. */
    public static List<byte[]> documents(Graph graph) {
        final TreeSet<Integer> articles = new TreeSet<>(graph.related().keySet());
        articles.addAll(graph.aliasReferences().keySet());
        articles.addAll(graph.aliasReferences().values());
        final List<byte[]> documents = new ArrayList<>();
        for (int article : articles) {
            final List<String> urls = new ArrayList<>();
            graph.related().getOrDefault(article, List.of()).forEach(r -> urls.add(webUrl(r)));
            final Integer aliased = graph.aliasReferences().get(article);
            if (aliased != null) {
                urls.add(originalUrl(aliased));
            }
            final int versions = urls.size() > 1 ? graph.versions() : 1;
            for (int v = 1; v <= versions; v++) {
                final ArticleDocument document = ArticleDocument.valid()
                        .with("webUrl", "\"" + webUrl(article) + "\"")
                        .with("originalUrl", "\"" + originalUrl(article) + "\"")
                        .with("title", "\"Story " + article + " v" + v + "\"")
                        .with("publishedDateTime", "2024-03-0" + v + "T10:00:00Z");
                // The first version carries the first half of the references, the second all of them.
                final List<String> carried = v < versions ? urls.subList(0, urls.size() / 2) : urls;
                carried.forEach(document::relatedTo);
                documents.add(document.bytes());
            }
        }
        Collections.shuffle(documents, new Random(graph.orderSeed()));
        return documents;
    }

    /**
     * Every story merged from all its versions; a document's ingestion time is its position in
     * {@code documents}, the order {@link ClusteringSimulation} ingests them in.
     */
    static Map<String, Story> merged(List<byte[]> documents) {
        final Map<String, Story> merged = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                for (Story story : Stories.from(
                        PARSER.parse(documents.get(i)),
                        SourceVersion.sha256Hex(documents.get(i)),
                        Instant.ofEpochMilli(i))) {
                    merged.merge(story.id(), story, StoryMerge::merge);
                }
            } catch (RejectedDocumentException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return merged;
    }

    /**
     * Union-find over the same graph: every live story id to the earliest story of its component,
     * by the publication time its merged versions end with (unknown last), then the smallest id.
     */
    static Map<String, String> oracle(Graph graph, List<byte[]> documents) {
        final Map<String, Story> merged = new HashMap<>();
        for (byte[] document : documents) {
            try {
                for (Story story : Stories.from(PARSER.parse(document))) {
                    merged.merge(story.id(), story, StoryMerge::merge);
                }
            } catch (RejectedDocumentException e) {
                throw new IllegalArgumentException(e);
            }
        }
        final Map<String, String> parent = new TreeMap<>();
        final TreeSet<Integer> articles = new TreeSet<>(graph.related().keySet());
        articles.addAll(graph.aliasReferences().keySet());
        articles.addAll(graph.aliasReferences().values());
        for (int article : articles) {
            final String a = id(webUrl(article));
            parent.putIfAbsent(a, a);
            for (int r : graph.related().getOrDefault(article, List.of())) {
                union(parent, a, id(webUrl(r)));
            }
            final Integer aliased = graph.aliasReferences().get(article);
            if (aliased != null) {
                // the original URL of an article is an alias: the reference resolves to the article
                union(parent, a, id(webUrl(aliased)));
            }
        }
        final Comparator<String> earliest = Comparator.comparing(
                        (String id) -> merged.get(id).publishedAt(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.naturalOrder());
        final Map<String, String> first = new HashMap<>();
        for (String id : parent.keySet()) {
            first.merge(find(parent, id), id, (x, y) -> earliest.compare(x, y) <= 0 ? x : y);
        }
        final Map<String, String> clusters = new TreeMap<>();
        for (String id : parent.keySet()) {
            clusters.put(id, first.get(find(parent, id)));
        }
        return clusters;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        final String ra = find(parent, a);
        final String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
