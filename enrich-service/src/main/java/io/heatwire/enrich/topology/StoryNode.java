package io.heatwire.enrich.topology;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.heatwire.enrich.story.SourceVersion;
import io.heatwire.enrich.story.Story;
import io.heatwire.enrich.story.StoryKind;

/**
 * The state of one story id in the story-nodes store.
 *
 * @param story       the merged story, or null while the id is only an alias or not seen yet; its
 *                    {@code related} are the ids as referenced, before alias resolution
 * @param aliasOf     the ARTICLE this id is an alias of (smallest claimant), or null; never set while
 *                    {@code story} is an ARTICLE: an article's own id is never an alias
 * @param claimants   every ARTICLE that listed this id as one of its URLs
 * @param referrers   every ARTICLE whose related list references this id
 * @param resolved    for an ARTICLE, related ids that turned out to be aliases, and what they resolve to
 */
public record StoryNode(Story story, String aliasOf, SortedSet<String> claimants, SortedSet<String> referrers,
        SortedMap<String, String> resolved) {

    public static final StoryNode EMPTY = new StoryNode(null, null, new TreeSet<>(), new TreeSet<>(), new TreeMap<>());

    public StoryNode {
        claimants = new TreeSet<>(claimants == null ? List.of() : claimants);
        referrers = new TreeSet<>(referrers == null ? List.of() : referrers);
        resolved = new TreeMap<>(resolved == null ? Map.of() : resolved);
    }

    boolean isArticle() {
        return story != null && story.kind() == StoryKind.ARTICLE;
    }

    /**
     * The story as published, null when there is none: related ids resolved through aliases, and
     * without the ingestion time, which orders versions but is no content — publishing the same
     * document again moves it and must write nothing.
     */
    Story published() {
        if (story == null || aliasOf != null) {
            return null;
        }
        final SourceVersion version = story.sourceVersion();
        Story published = version.ingestedAt() == null ? story
                : story.withSourceVersion(new SourceVersion(version.publishedAt(), null, version.contentSha256()));
        if (!resolved.isEmpty()) {
            final TreeSet<String> related = new TreeSet<>();
            for (String id : story.related()) {
                related.add(resolved.getOrDefault(id, id));
            }
            related.remove(story.id());
            published = published.withAccumulated(story.aliases(), List.copyOf(related), story.clusterId());
        }
        return published;
    }
}
