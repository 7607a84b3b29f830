package io.heatwire.enrich.clustering;

import java.util.TreeMap;
import java.util.TreeSet;

/** A cluster being changed by one handler; only {@link Cluster} values are stored. */
final class ClusterDraft<C, A> {

    final String key;
    final long createdAt;
    long membersEver;
    Hint parent;
    A aggregate;
    final TreeMap<String, Member<C>> inline;
    boolean spilled;
    int size;
    StoryOrder pid;
    final TreeSet<StoryOrder> expected;
    final TreeSet<String> published;
    boolean pidChanged;
    final TreeSet<String> toRename;
    final TreeSet<String> toBounce;
    boolean adoptPending;
    boolean confirmed;
    boolean dirty;

    ClusterDraft(Cluster<C, A> cluster) {
        key = cluster.key();
        createdAt = cluster.createdAt();
        membersEver = cluster.membersEver();
        parent = cluster.parent();
        aggregate = cluster.aggregate();
        inline = new TreeMap<>(cluster.inline());
        spilled = cluster.spilled();
        size = cluster.size();
        pid = cluster.pid();
        expected = new TreeSet<>(cluster.expected());
        published = new TreeSet<>(cluster.published());
        pidChanged = cluster.pidChanged();
        toRename = new TreeSet<>(cluster.toRename());
        toBounce = new TreeSet<>(cluster.toBounce());
        adoptPending = cluster.adoptPending();
        confirmed = cluster.confirmed();
        dirty = cluster.dirty();
    }

    boolean isRoot() {
        return parent == null;
    }

    Rank rank() {
        return new Rank(Rank.classOf(membersEver), createdAt, key);
    }

    Hint hint() {
        return new Hint(rank(), pid);
    }

    Cluster<C, A> build() {
        return new Cluster<>(
                key,
                createdAt,
                membersEver,
                parent,
                aggregate,
                inline,
                spilled,
                size,
                pid,
                expected,
                published,
                pidChanged,
                toRename,
                toBounce,
                adoptPending,
                confirmed,
                dirty);
    }
}
