package io.heatwire.enrich.clustering;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Everything a clustering task consumes, all on one topic partitioned like the stories. */
public sealed interface Message<C> {

    /** A parsed article document, keyed by the article id. */
    record Ingest<C>(ArticleInput<C> article) implements Message<C> {}

    /** An article lists {@code id} as related: the REFERENCE version it gives it and its root hint. */
    record RefVersion<C>(String id, String referrer, StoryFacts<C> facts, Hint hint) implements Message<C> {}

    /** An article lists {@code id} as one of its own URLs. */
    record Claim<C>(String id, String owner, Hint hint) implements Message<C> {}

    /** Join the trees of {@code target} (presumed the smaller Φ, keyed by it) and {@code other}. */
    record Union<C>(Hint target, Hint other) implements Message<C> {}

    /**
     * Cluster {@code child} has linked itself under {@code parent}: it hands over the pids it expects
     * (its own pid among them) and the ids it published, for which the root now answers.
     */
    record Link<C>(String parent, String child, Set<StoryOrder> expected, Set<String> published)
            implements Message<C> {}

    /**
     * The root that accepted {@code child}'s link: the child points straight at it (path compression)
     * and only now tells its members to move, so they go to the root, not along a chain.
     */
    record Linked<C>(String child, Hint root) implements Message<C> {}

    /**
     * Story {@code story} stopped being a story: whoever expects it as a pid must forget it. Sent by a
     * retiring story that is registered nowhere, and passed on by forwarded clusters.
     */
    record Retired<C>(String cluster, String story) implements Message<C> {}

    /** Fan-out items for the ids of one partition, sent to that partition explicitly. */
    record Batch<C>(int partition, List<Item<C>> items) implements Message<C> {

        public Batch {
            items = List.copyOf(items);
        }
    }

    /** An item of a {@link Batch}; {@link #key()} is the id (story or cluster) it is for. */
    sealed interface Item<C> {

        String key();
    }

    /**
     * A story's registration change at one cluster: remove what it had counted there, add what it
     * wants counted now (either may be absent), believing the cluster is named {@code assumedPid}.
     * {@code retired}: the story stopped being a story, whoever expects it as a pid must forget it.
     */
    record Reg<C>(String cluster, String story, C remove, C add, StoryOrder order, String assumedPid, boolean retired)
            implements Item<C> {

        public Reg {
            Objects.requireNonNull(order, "order");
            if (remove == null && add == null) {
                throw new IllegalArgumentException("a registration removes or adds something");
            }
        }

        @Override
        public String key() {
            return cluster;
        }
    }

    /** Cluster {@code from} linked under {@code to}: a story it counts moves there. */
    record Adopt<C>(String story, String from, Hint to, String guess) implements Item<C> {

        @Override
        public String key() {
            return story;
        }
    }

    /**
     * Forwarded cluster {@code from} never counted the story: register at {@code to} instead. No pid
     * guess: a bounced story may have a long way to go, so it keeps what it publishes until its root
     * renames it.
     */
    record Bounce<C>(String story, String from, Hint to) implements Item<C> {

        @Override
        public String key() {
            return story;
        }
    }

    /** Root {@code cluster}, which counts the story, is named {@code pid}. */
    record Rename<C>(String story, String cluster, String pid) implements Item<C> {

        @Override
        public String key() {
            return story;
        }
    }

    /** A new reference may now register at its referrer's root {@code to}. */
    record Settle<C>(String story, Hint to, String guess) implements Item<C> {

        @Override
        public String key() {
            return story;
        }
    }
}
