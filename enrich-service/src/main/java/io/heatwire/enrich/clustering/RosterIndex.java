package io.heatwire.enrich.clustering;

/**
 * Told of every change to a spilled roster (one too large to live in its cluster record), so that a
 * caller can keep indexes ordered as its output needs (members newest first, the best headline)
 * without scanning rosters; a roster that spills is told member by member. An inline roster is
 * small and in the cluster record already: the caller sorts it when it needs to, and keeps no index
 * of it. Keys are cluster keys, which never change on a rename: a member's entries move only when
 * the member moves to another cluster or its contribution changes.
 */
public interface RosterIndex<C> {

    void added(String cluster, String story, Member<C> member);

    void removed(String cluster, String story, Member<C> member);

    static <C> RosterIndex<C> none() {
        return new RosterIndex<>() {
            @Override
            public void added(String cluster, String story, Member<C> member) {}

            @Override
            public void removed(String cluster, String story, Member<C> member) {}
        };
    }
}
