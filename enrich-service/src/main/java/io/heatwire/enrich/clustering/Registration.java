package io.heatwire.enrich.clustering;

import java.util.Objects;

/** What a story asks one cluster to count: its contribution, under its place in "earliest first". */
public record Registration<C>(String cluster, C contribution, StoryOrder order) {

    public Registration {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(contribution, "contribution");
        Objects.requireNonNull(order, "order");
    }
}
