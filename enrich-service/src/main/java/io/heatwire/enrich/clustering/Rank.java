package io.heatwire.enrich.clustering;

import java.util.Comparator;
import java.util.Objects;

/**
 * The linking rank Φ of a cluster: size class floor(log2 members ever), then the older cluster, then
 * the key. A root only grows its Φ, and freezes it when it links, which is what keeps parent
 * pointers acyclic whatever the staleness of the Φ a message carries.
 */
public record Rank(int sizeClass, long createdAt, String key) implements Comparable<Rank> {

    private static final Comparator<Rank> ORDER = Comparator.comparingInt(Rank::sizeClass)
            .thenComparing(Comparator.comparingLong(Rank::createdAt).reversed())
            .thenComparing(Rank::key);

    public Rank {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public int compareTo(Rank other) {
        return ORDER.compare(this, other);
    }

    static int classOf(long membersEver) {
        return membersEver <= 1 ? 0 : 63 - Long.numberOfLeadingZeros(membersEver);
    }
}
