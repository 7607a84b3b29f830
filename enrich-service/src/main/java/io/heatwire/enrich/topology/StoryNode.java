package io.heatwire.enrich.topology;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.heatwire.article.story.SourceVersion;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;

/**
 * The graph state of one story id in the story-graph store: what clustering needs on every event.
 * The merged story itself is in the story-contents store, read only when a version arrives or the
 * story is written, so a label message never reads or writes the story's text.
 *
 * @param kind        the kind of the merged story, or null while the id is only an alias or not seen yet
 * @param related     the merged story's related ids as referenced, before alias resolution
 * @param aliasOf     the ARTICLE this id is an alias of (smallest claimant), or null; never set while
 *                    {@code kind} is ARTICLE: an article's own id is never an alias
 * @param claimants   every ARTICLE that listed this id as one of its URLs
 * @param referrers   every ARTICLE whose related list references this id
 * @param resolved    for an ARTICLE, related ids that turned out to be aliases, and what they resolve to
 * @param neighbours  the ids this node is linked to in the story graph (SPEC 7)
 * @param label       the smallest story id known in this node's component: its cluster id
 * @param retired     ids that stopped being stories; never accepted as a label again
 */
public record StoryNode(StoryKind kind, List<String> related, String aliasOf, SortedSet<String> claimants,
        SortedSet<String> referrers, SortedMap<String, String> resolved, SortedSet<String> neighbours, String label,
        SortedSet<String> retired) {

    public static final StoryNode EMPTY = new StoryNode(null, null, null, null, null, null, null, null, null);

    public StoryNode {
        related = related == null ? List.of() : List.copyOf(related);
        claimants = new TreeSet<>(claimants == null ? List.of() : claimants);
        referrers = new TreeSet<>(referrers == null ? List.of() : referrers);
        resolved = new TreeMap<>(resolved == null ? Map.of() : resolved);
        neighbours = new TreeSet<>(neighbours == null ? List.of() : neighbours);
        retired = new TreeSet<>(retired == null ? List.of() : retired);
    }

    boolean isArticle() {
        return kind == StoryKind.ARTICLE;
    }

    /** Whether this id is a story in the graph: it has a story and is no alias. */
    boolean participates() {
        return kind != null && aliasOf == null;
    }

    /** The related ids of an ARTICLE after alias resolution, without {@code id} itself. */
    SortedSet<String> resolvedRelated(String id) {
        final TreeSet<String> result = new TreeSet<>();
        for (String reference : related) {
            result.add(resolved.getOrDefault(reference, reference));
        }
        result.remove(id);
        return result;
    }

    /** Whether the story as published can differ between this state and {@code other}. */
    boolean publishesDifferently(StoryNode other) {
        if (participates() != other.participates()) {
            return true;
        }
        return participates() && !(Objects.equals(label, other.label) && related.equals(other.related)
                && resolved.equals(other.resolved));
    }

    /**
     * The story as published, null when there is none: related ids resolved through aliases, the
     * cluster id, and without the ingestion time, which orders versions but is no content —
     * publishing the same document again moves it and must write nothing. A REFERENCE story does
     * not name the hash of the document that described it either: an edit of the referring
     * article that leaves the reference as it was must not rewrite the reference.
     *
     * @param story the merged story of this id, from the story-contents store
     */
    Story published(Story story) {
        if (!participates() || story == null) {
            return null;
        }
        final SourceVersion version = story.sourceVersion();
        final String hash = story.kind() == StoryKind.ARTICLE ? version.contentSha256() : null;
        final Story published = version.ingestedAt() == null && Objects.equals(hash, version.contentSha256()) ? story
                : story.withSourceVersion(new SourceVersion(version.publishedAt(), null, hash));
        return published.withAccumulated(story.aliases(), List.copyOf(resolvedRelated(story.id())), label);
    }
}
