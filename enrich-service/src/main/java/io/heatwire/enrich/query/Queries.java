package io.heatwire.enrich.query;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.article.identity.CanonicalUrl;
import io.heatwire.article.identity.StoryId;
import io.heatwire.article.story.NewsTopics;
import io.heatwire.article.story.StoryProvider;
import io.heatwire.enrich.view.IndexKeys;
import io.heatwire.enrich.view.ViewNames;

/**
 * The questions the query API answers (SPEC 11), each from the views of the committed output
 * topics through the {@link OwnerRouter}. Records are the bytes on the topics, unchanged.
 */
public final class Queries {

    public static final int MAX_LIMIT = 500;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final OwnerRouter router;

    public Queries(OwnerRouter router) {
        this.router = router;
    }

    /** A record found under a key; {@code id} is the key it was found under. */
    public record Located(String id, byte[] record) {}

    /** One page of a listing; {@code next} is the cursor of the following page, null on the last. */
    public record Page(List<JsonNode> items, String next) {}

    public Optional<byte[]> story(String id) {
        return found(router.get(ViewNames.STORIES_VIEW, storyId(id)));
    }

    /**
     * The story of a URL: the story at its canonical id, else the article that lists the URL among
     * its aliases (the one with the smallest id when several do).
     */
    public Optional<Located> storyByUrl(String url) {
        final String canonical = CanonicalUrl.canonicalize(url)
                .orElseThrow(() -> new InvalidQueryException("not an absolute http(s) URL: " + url));
        final String id = StoryId.of(canonical);
        final Optional<byte[]> story = found(router.get(ViewNames.STORIES_VIEW, id));
        if (story.isPresent()) {
            return Optional.of(new Located(id, story.get()));
        }
        final String prefix = IndexKeys.aliasPrefix(id);
        return router.range(ViewNames.STORY_INDEX, prefix, prefix + IndexKeys.END, null, 1).entries().stream()
                .findFirst()
                .map(entry -> new Located(entry.record().get("id").asString(), bytes(entry.record())));
    }

    public Optional<byte[]> cluster(String id) {
        return found(router.get(ViewNames.CLUSTERS_VIEW, storyId(id)));
    }

    /**
     * The cluster an id that names no cluster now was merged into: cluster ids are story ids (of
     * the cluster's earliest story), and that story's {@code clusterId} names where it went.
     */
    public Optional<String> survivor(String id) {
        return story(id)
                .map(MAPPER::readTree)
                .map(story -> story.get("clusterId"))
                .filter(clusterId -> clusterId != null && !clusterId.isNull())
                .map(JsonNode::asString)
                .filter(clusterId -> !clusterId.equals(id));
    }

    /** The hottest clusters by heatScore, exact over all partitions. */
    public Page hot(int limit, String after) {
        return page(ViewNames.CLUSTERS_BY_HEAT, "", IndexKeys.END, after, limit);
    }

    /** A cluster's stories, newest first. */
    public Page clusterStories(String clusterId, int limit, String after) {
        final String prefix = IndexKeys.memberPrefix(storyId(clusterId));
        return page(ViewNames.STORY_INDEX, prefix, prefix + IndexKeys.END, after, limit);
    }

    public Optional<byte[]> provider(String key) {
        final String normalized = StoryProvider.keyOf(key);
        if (normalized == null) {
            throw new InvalidQueryException("not a provider domain: " + key);
        }
        return found(router.get(ViewNames.PROVIDERS_VIEW, normalized));
    }

    public Optional<byte[]> topic(String name) {
        final String slug = NewsTopics.slug(name);
        if (slug.isEmpty()) {
            throw new InvalidQueryException("a topic needs a letter or digit: " + name);
        }
        return found(router.get(ViewNames.TOPICS_VIEW, slug));
    }

    /** Providers by key. */
    public Page providers(int limit, String after) {
        return page(ViewNames.PROVIDERS_VIEW, null, null, after, limit);
    }

    /** Topics by slug. */
    public Page topics(int limit, String after) {
        return page(ViewNames.TOPICS_VIEW, null, null, after, limit);
    }

    private Page page(String store, String from, String to, String after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
        if (after != null
                && from != null
                && (Slice.KEY_ORDER.compare(after, from) < 0 || Slice.KEY_ORDER.compare(after, to) > 0)) {
            throw new InvalidQueryException("not a cursor of this listing: " + after);
        }
        final Slice slice = router.range(store, from, to, after, limit + 1);
        final List<Slice.Entry> entries = slice.entries();
        final List<Slice.Entry> shown = entries.subList(0, Math.min(limit, entries.size()));
        return new Page(
                shown.stream().map(Slice.Entry::record).toList(),
                entries.size() > limit ? shown.get(shown.size() - 1).key() : null);
    }

    private static String storyId(String id) {
        if (!StoryId.isValid(id)) {
            throw new InvalidQueryException("not a story or cluster id (32 lowercase hex digits): " + id);
        }
        return id;
    }

    private static Optional<byte[]> found(Lookup lookup) {
        return lookup instanceof Lookup.Found found ? Optional.of(found.value()) : Optional.empty();
    }

    private static byte[] bytes(JsonNode record) {
        return MAPPER.writeValueAsBytes(record);
    }
}
