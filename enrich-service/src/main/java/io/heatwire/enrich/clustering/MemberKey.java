package io.heatwire.enrich.clustering;

import java.util.Comparator;
import java.util.Objects;

/**
 * Key of the ordered member index of a spilled roster: cluster key, then member id. A range over one
 * cluster runs from {@link #first} to {@link #last}; ids never contain {@code U+FFFF}.
 */
public record MemberKey(String cluster, String member) implements Comparable<MemberKey> {

    private static final Comparator<MemberKey> ORDER =
            Comparator.comparing(MemberKey::cluster).thenComparing(MemberKey::member);
    private static final String AFTER_EVERY_ID = String.valueOf(Character.MAX_VALUE);

    public MemberKey {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(member, "member");
    }

    static MemberKey first(String cluster) {
        return new MemberKey(cluster, "");
    }

    static MemberKey last(String cluster) {
        return new MemberKey(cluster, AFTER_EVERY_ID);
    }

    @Override
    public int compareTo(MemberKey other) {
        return ORDER.compare(this, other);
    }
}
