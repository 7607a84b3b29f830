package io.heatwire.enrich.clustering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What clustering must say about a final input, computed the plain way: one in-memory union-find over
 * every edge of every document, stories per SPEC 5, clusters named by their earliest story.
 */
final class Oracle {

    /** A cluster as the clusters output must finally show it. */
    record Expected(int size, Tally tally) {}

    final Map<String, StoryFacts<Figures>> stories = new TreeMap<>();
    final Map<String, String> clusterOf = new TreeMap<>();
    final Map<String, Expected> clusters = new TreeMap<>();

    private final Map<String, String> parent = new HashMap<>();

    Oracle(List<ArticleInput<Figures>> documents) {
        final Map<String, StoryFacts<Figures>> articles = new HashMap<>();
        final Map<String, StoryFacts<Figures>> references = new HashMap<>();
        final Set<String> claimed = new HashSet<>();
        for (ArticleInput<Figures> document : documents) {
            final String id = document.id();
            find(id);
            keepNewest(articles, id, document.article());
            document.related().forEach((ref, facts) -> {
                keepNewest(references, ref, facts);
                union(id, ref);
            });
            for (String alias : document.aliases()) {
                claimed.add(alias);
                union(id, alias);
            }
        }
        for (String id : parent.keySet()) {
            if (articles.containsKey(id)) {
                stories.put(id, articles.get(id));
            } else if (references.containsKey(id) && !claimed.contains(id)) {
                stories.put(id, references.get(id));
            }
        }
        final Map<String, List<String>> components = new HashMap<>();
        stories.keySet()
                .forEach(id -> components
                        .computeIfAbsent(find(id), root -> new ArrayList<>())
                        .add(id));
        for (List<String> members : components.values()) {
            String earliest = null;
            Tally tally = Tally.AGGREGATOR.empty();
            for (String id : members) {
                if (earliest == null || earlier(id, earliest)) {
                    earliest = id;
                }
                tally = tally.plus(stories.get(id).contribution());
            }
            for (String id : members) {
                clusterOf.put(id, earliest);
            }
            clusters.put(earliest, new Expected(members.size(), tally));
        }
    }

    private boolean earlier(String a, String b) {
        final Long pa = stories.get(a).publishedAt();
        final Long pb = stories.get(b).publishedAt();
        if (pa != null && pb != null && !pa.equals(pb)) {
            return pa < pb;
        }
        if (pa == null && pb != null) {
            return false;
        }
        if (pa != null && pb == null) {
            return true;
        }
        return a.compareTo(b) < 0;
    }

    private static void keepNewest(Map<String, StoryFacts<Figures>> facts, String id, StoryFacts<Figures> version) {
        final StoryFacts<Figures> current = facts.get(id);
        if (current == null || version.version() > current.version()) {
            facts.put(id, version);
        }
    }

    private String find(String id) {
        parent.putIfAbsent(id, id);
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }

    private void union(String a, String b) {
        final String ra = find(a);
        final String rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
