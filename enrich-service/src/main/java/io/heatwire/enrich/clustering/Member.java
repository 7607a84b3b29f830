package io.heatwire.enrich.clustering;

import java.util.Objects;

/**
 * A story counted by a cluster: the contribution the cluster added (and will remove), its order, and
 * the cluster id the story is known to publish, so renames reach only the stories that need one.
 */
public record Member<C>(StoryOrder order, C contribution, String belief) {

    public Member {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(contribution, "contribution");
    }
}
