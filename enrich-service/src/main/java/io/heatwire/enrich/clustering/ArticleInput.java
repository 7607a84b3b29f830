package io.heatwire.enrich.clustering;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One parsed article document as clustering sees it: the article's own version, the REFERENCE
 * version it gives each related id, and the alias ids (URLs it lists for itself).
 */
public record ArticleInput<C>(
        String id, StoryFacts<C> article, Map<String, StoryFacts<C>> related, Set<String> aliases) {

    public ArticleInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(article, "article");
        if (article.kind() != Kind.ARTICLE) {
            throw new IllegalArgumentException("the article's own version must be an ARTICLE version");
        }
        // an article's own id is never an alias nor its own reference (SPEC 5)
        final Map<String, StoryFacts<C>> ordered = new TreeMap<>(related);
        ordered.remove(id);
        related = Collections.unmodifiableMap(ordered);
        final Set<String> own = new TreeSet<>(aliases);
        own.remove(id);
        aliases = Collections.unmodifiableSet(own);
    }
}
