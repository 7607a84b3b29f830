package io.heatwire.enrich.cluster;

import java.util.List;

/**
 * Changes of one cluster's membership, keyed by the cluster id, in the order they happened. The
 * stories that changed in one write interval travel together, so a merge that moves thousands of
 * members reads and writes the cluster's aggregate once per batch, not once per member.
 */
public record MemberChanges(List<MemberChange> changes) {

    public MemberChanges {
        changes = List.copyOf(changes);
    }
}
