package io.heatwire.enrich.clustering;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A cluster record, keyed by the article id that created it (same task as that article's node). A
 * ROOT ({@code parent == null}) counts its members and publishes under {@code pid}; a FORWARDED
 * cluster points to a parent with a larger Φ, counts no new member, bounces registrations it never
 * counted and keeps its draining members until they move.
 *
 * @param membersEver  registrations of new members ever counted: the size class of Φ
 * @param inline       the roster while it is small; {@code spilled} rosters live in the member index
 * @param size         members counted now
 * @param pid          earliest of the counted members and of {@code expected}; {@code null} if none
 * @param expected     pids handed over by linked children whose stories have not arrived yet, so a
 *                     merge renames once, not once per arriving batch
 * @param published    ids this cluster has a live record under, or took over from linked children;
 *                     the next emission tombstones every one that is not {@code pid}
 * @param pidChanged   members must be told the new pid at the next flush
 * @param toRename     members that registered believing another pid
 * @param toBounce     stories that asked a forwarded cluster to count them
 * @param adoptPending a forwarded cluster still has to tell its members to move to its parent
 * @param confirmed    a forwarded cluster's parent is the root that accepted its link
 * @param dirty        the published record is stale
 */
public record Cluster<C, A>(
        String key,
        long createdAt,
        long membersEver,
        Hint parent,
        A aggregate,
        Map<String, Member<C>> inline,
        boolean spilled,
        int size,
        StoryOrder pid,
        Set<StoryOrder> expected,
        Set<String> published,
        boolean pidChanged,
        Set<String> toRename,
        Set<String> toBounce,
        boolean adoptPending,
        boolean confirmed,
        boolean dirty) {

    public Cluster {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(aggregate, "aggregate");
        inline = Sorted.map(inline);
        expected = Sorted.set(expected);
        published = Sorted.set(published);
        toRename = Sorted.set(toRename);
        toBounce = Sorted.set(toBounce);
    }

    static <C, A> Cluster<C, A> fresh(String key, long createdAt, A empty) {
        return new Cluster<>(
                key, createdAt, 0, null, empty, Map.of(), false, 0, null, Set.of(), Set.of(), false, Set.of(), Set.of(),
                false, false, false);
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** Φ now; frozen once linked, since a forwarded cluster never counts a new member. */
    public Rank rank() {
        return new Rank(Rank.classOf(membersEver), createdAt, key);
    }

    Hint hint() {
        return new Hint(rank(), pid);
    }

    boolean needsFlush() {
        return dirty
                || pidChanged
                || !toRename.isEmpty()
                || (adoptPending || !toBounce.isEmpty()) && (parent == null || confirmed);
    }
}
