package io.heatwire.corpus;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;

/**
 * The clusters of a corpus computed from its documents alone: enrich-service's parser and story
 * rules, then a union-find over each article's related ids, every cluster named by its earliest
 * story, then the smallest id (SPEC 7). The oracle {@link ExpectedStructure} is checked against.
 *
 * @param stories  distinct story ids
 * @param clusters every cluster id → its size
 */
record ParsedClusters(int stories, SortedMap<String, Integer> clusters) {

    static ParsedClusters of(final List<GeneratedDocument> documents) throws RejectedDocumentException {
        final ArticleParser parser = new ArticleParser(ParseLimits.defaults());
        final Map<String, String> parent = new HashMap<>();
        final Map<String, Instant> published = new HashMap<>();
        for (final GeneratedDocument document : documents) {
            final List<Story> stories = Stories.from(parser.parse(document.bytes()));
            stories.forEach(story -> published.put(story.id(), story.publishedAt()));
            final String article = stories.get(0).id();
            parent.putIfAbsent(article, article);
            for (final String related : stories.get(0).related()) {
                parent.putIfAbsent(related, related);
                union(parent, article, related);
            }
        }
        final Comparator<String> earlier =
                Comparator.comparing((String id) -> published.get(id)).thenComparing(Comparator.naturalOrder());
        final Map<String, String> earliest = new HashMap<>();
        final Map<String, Integer> sizes = new HashMap<>();
        for (final String story : parent.keySet()) {
            final String root = find(parent, story);
            earliest.merge(root, story, (a, b) -> earlier.compare(a, b) <= 0 ? a : b);
            sizes.merge(root, 1, Integer::sum);
        }
        final SortedMap<String, Integer> clusters = new TreeMap<>();
        sizes.forEach((root, size) -> clusters.put(earliest.get(root), size));
        return new ParsedClusters(parent.size(), clusters);
    }

    private static String find(final Map<String, String> parent, final String story) {
        String node = story;
        while (!parent.get(node).equals(node)) {
            node = parent.get(node);
        }
        return node;
    }

    private static void union(final Map<String, String> parent, final String a, final String b) {
        final String rootA = find(parent, a);
        final String rootB = find(parent, b);
        if (!rootA.equals(rootB)) {
            parent.put(rootA, rootB);
        }
    }
}
