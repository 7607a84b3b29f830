package io.heatwire.enrich.clustering;

import java.util.Objects;

/**
 * What a message or a node knows of a cluster: its key and Φ at some moment (never more than its
 * current Φ) and its pid then, used as a guess by stories about to join it.
 */
public record Hint(Rank rank, StoryOrder pid) {

    public Hint {
        Objects.requireNonNull(rank, "rank");
    }

    public String key() {
        return rank.key();
    }

    /** The pid guess, or the key when the cluster had none (a guess only; the root corrects it). */
    String guess() {
        return pid != null ? pid.id() : key();
    }
}
