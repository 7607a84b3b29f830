package io.heatwire.enrich.clustering;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a story stands in "earliest first": publication time with unknown times last, then id. The
 * earliest member of a cluster names it (SPEC 7).
 */
public record StoryOrder(Long publishedAt, String id) implements Comparable<StoryOrder> {

    private static final Comparator<StoryOrder> ORDER = Comparator.comparing(
                    StoryOrder::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StoryOrder::id);

    public StoryOrder {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(StoryOrder other) {
        return ORDER.compare(this, other);
    }

    /** The earlier of two, {@code null} standing for "nothing yet". */
    static StoryOrder earliest(StoryOrder a, StoryOrder b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
