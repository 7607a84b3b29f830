package io.heatwire.article.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.heatwire.article.parse.Image;
import io.heatwire.article.parse.Warning;

/**
 * Merges two versions of one story (SPEC 6) so that the result does not depend on the order in
 * which versions arrive: the function is commutative, associative and idempotent.
 *
 * <p>The content of the newer version wins, where newer is a total order on versions: an ARTICLE
 * beats a REFERENCE; then the later {@link SourceVersion#publishedAt()}; then the later
 * {@link SourceVersion#ingestedAt()} (so an edit that keeps {@code publishedDateTime} wins over
 * the version it corrects); then the greater content hash; then, for versions that still tie, the
 * greater canonical rendering of the content. A version is never preferred for arriving later:
 * ingestion time is part of the version, not of its arrival at this node.
 *
 * <p>What accumulates is united, never replaced: alias ids and related ids (references are never
 * removed, so clusters never split); the cluster id is the smaller of the two, since a cluster id is
 * the smallest story id of a component that only grows.
 */
public final class StoryMerge {

    private static final Comparator<Story> NEWER = Comparator.comparing(Story::kind)
            .thenComparing(Story::sourceVersion, SourceVersion.ORDER)
            .thenComparing(StoryMerge::contentRendering);

    private StoryMerge() {}

    /**
     * The merge of two versions of the same story. Returns {@code current} itself when the result
     * equals it, so a caller can skip emitting an unchanged story. Either argument may be null.
     *
     * @throws IllegalArgumentException when the ids differ
     */
    public static Story merge(final Story current, final Story incoming) {
        if (current == null || incoming == null) {
            return current == null ? incoming : current;
        }
        if (!current.id().equals(incoming.id())) {
            throw new IllegalArgumentException("cannot merge story " + incoming.id() + " into " + current.id());
        }
        if (current.equals(incoming)) {
            return current;
        }
        final Story winner = NEWER.compare(current, incoming) >= 0 ? current : incoming;
        final Story merged = winner.withAccumulated(
                union(current.aliases(), incoming.aliases()),
                union(current.related(), incoming.related()),
                min(current.clusterId(), incoming.clusterId()));
        return merged.equals(current) ? current : merged;
    }

    /** Whether {@code incoming} changes nothing in {@code current}, so nothing needs to be emitted. */
    public static boolean isNoOp(final Story current, final Story incoming) {
        return merge(current, incoming) == current;
    }

    private static List<String> union(final List<String> a, final List<String> b) {
        if (b.isEmpty() || a.equals(b)) {
            return a;
        }
        final TreeSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        return new ArrayList<>(union);
    }

    private static String min(final String a, final String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * An unambiguous text of everything the winner contributes; only computed when two different
     * versions tie on kind, date and hash (for example two related entries of one document).
     */
    static String contentRendering(final Story story) {
        final StringBuilder out = new StringBuilder(256);
        for (final Object part : new Object[] {
            story.url(),
            story.canonicalUrl(),
            story.title(),
            story.excerpt(),
            story.category(),
            story.type(),
            story.publishedAt(),
            story.quality(),
            story.provider().name(),
            story.provider().domain(),
            story.provider().key(),
            story.topics(),
            story.topicSlugs(),
            story.images(),
            story.warnings(),
            story.secured(),
            story.unknownFields()
        }) {
            render(out, part);
        }
        return out.toString();
    }

    private static void render(final StringBuilder out, final Object value) {
        if (value == null) {
            out.append('~');
        } else if (value instanceof List<?> list) {
            out.append('[').append(list.size()).append(':');
            for (final Object element : list) {
                render(out, element);
            }
            out.append(']');
        } else if (value instanceof Image image) {
            render(out, Arrays.asList(image.url(), image.width(), image.height(), image.isCached()));
        } else if (value instanceof Warning warning) {
            render(out, Arrays.asList(warning.kind(), warning.field(), warning.message()));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{').append(map.size()).append(':');
            for (final Map.Entry<?, ?> entry : map.entrySet()) {
                render(out, entry.getKey());
                render(out, entry.getValue());
            }
            out.append('}');
        } else {
            // Type and length prefixes keep "1" apart from 1 and "a|b" apart from "a","b".
            final String text = Objects.toString(value);
            out.append(value.getClass().getSimpleName())
                    .append(text.length())
                    .append(':')
                    .append(text);
        }
    }
}
