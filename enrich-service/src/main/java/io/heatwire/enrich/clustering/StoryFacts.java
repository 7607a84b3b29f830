package io.heatwire.enrich.clustering;

import java.util.Objects;

/**
 * What clustering needs of one story version: its kind, a version that orders versions of one kind,
 * its publication time (epoch millis, {@code null} when unknown) and its contribution to the
 * aggregate of its cluster.
 *
 * @param <C> the contribution type, never {@code null}
 */
public record StoryFacts<C>(Kind kind, long version, Long publishedAt, C contribution) {

    public StoryFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contribution, "contribution");
    }

    /**
     * The default merge (SPEC 6): ARTICLE beats REFERENCE, within a kind the higher version wins. Two
     * versions of one kind with the same version number are taken to be the same version, so the
     * current one is kept; callers whose version numbers can collide pass their own total merge.
     */
    public static <C> StoryFacts<C> newer(StoryFacts<C> current, StoryFacts<C> incoming) {
        if (current == null) {
            return incoming;
        }
        if (current.kind() != incoming.kind()) {
            return current.kind() == Kind.ARTICLE ? current : incoming;
        }
        return incoming.version() > current.version() ? incoming : current;
    }

    StoryOrder order(String id) {
        return new StoryOrder(publishedAt, id);
    }
}
