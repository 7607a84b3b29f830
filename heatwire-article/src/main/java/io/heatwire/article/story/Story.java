package io.heatwire.article.story;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.heatwire.article.parse.Image;
import io.heatwire.article.parse.Warning;

/**
 * A story (SPEC 6), the value of the {@code heatwire.stories} topic, keyed by {@link #id()}.
 * Serialized by Jackson with these component names; {@code story.schema.json} describes the JSON.
 *
 * @param id            story id of {@code canonicalUrl}
 * @param canonicalUrl  canonical form of {@code url}
 * @param url           the URL the story was read from, as given
 * @param aliases       ids of the other URLs an ARTICLE lists for itself; sorted, without {@code id}
 * @param title         never null for an ARTICLE
 * @param quality       0–100 or null
 * @param topics        display names, for an ARTICLE
 * @param topicSlugs    distinct aggregation keys of {@code topics}, in order
 * @param related       ids of the stories an ARTICLE refers to; sorted, only ever grows
 * @param warnings      field-level problems of the document an ARTICLE was read from
 * @param secured       opaque pass-through of an ARTICLE; never in {@link #toString()}
 * @param unknownFields top-level fields of an ARTICLE that heatwire does not know, as plain values
 * @param sourceVersion the document the story was read from (for a REFERENCE, the referring one)
 * @param clusterId     the story's cluster, filled in by clustering; null until then
 */
public record Story(
        String id,
        StoryKind kind,
        String canonicalUrl,
        String url,
        List<String> aliases,
        String title,
        String excerpt,
        String category,
        String type,
        Instant publishedAt,
        Integer quality,
        StoryProvider provider,
        List<String> topics,
        List<String> topicSlugs,
        List<Image> images,
        List<String> related,
        List<Warning> warnings,
        String secured,
        Map<String, Object> unknownFields,
        SourceVersion sourceVersion,
        String clusterId) {

    public Story {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sourceVersion, "sourceVersion");
        // Sorted sets make merges commutative and the JSON stable.
        aliases = List.copyOf(new TreeSet<>(aliases));
        related = List.copyOf(new TreeSet<>(related));
        topics = List.copyOf(topics);
        topicSlugs = List.copyOf(topicSlugs);
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
        unknownFields =
                unknownFields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }

    /** This story with other alias and related ids and cluster id (what a merge accumulates). */
    public Story withAccumulated(
            final List<String> newAliases, final List<String> newRelated, final String newClusterId) {
        return new Story(
                id,
                kind,
                canonicalUrl,
                url,
                newAliases,
                title,
                excerpt,
                category,
                type,
                publishedAt,
                quality,
                provider,
                topics,
                topicSlugs,
                images,
                newRelated,
                warnings,
                secured,
                unknownFields,
                sourceVersion,
                newClusterId);
    }

    /** This story as read from another version of its document. */
    public Story withSourceVersion(final SourceVersion newSourceVersion) {
        return new Story(
                id,
                kind,
                canonicalUrl,
                url,
                aliases,
                title,
                excerpt,
                category,
                type,
                publishedAt,
                quality,
                provider,
                topics,
                topicSlugs,
                images,
                related,
                warnings,
                secured,
                unknownFields,
                newSourceVersion,
                clusterId);
    }

    /** This story in cluster {@code newClusterId}. */
    public Story withClusterId(final String newClusterId) {
        return withAccumulated(aliases, related, newClusterId);
    }

    @Override
    public String toString() {
        return "Story[id=" + id + ", kind=" + kind + ", canonicalUrl=" + canonicalUrl + ", title=" + title
                + ", publishedAt=" + publishedAt + ", quality=" + quality + ", provider=" + provider.key()
                + ", aliases=" + aliases + ", related=" + related + ", warnings=" + warnings.size()
                + ", secured=" + (secured == null ? "absent" : "<redacted>")
                + ", sourceVersion=" + sourceVersion + ", clusterId=" + clusterId + "]";
    }
}
