package io.heatwire.enrich.cluster;

/**
 * A change of one cluster's membership, keyed by the cluster id: {@code removed} leaves (null:
 * nothing), {@code added} joins (null: nothing). A story that changes within its cluster sends
 * both; one that moves to another cluster sends a removal to the old and an addition to the new.
 */
public record MemberChange(ClusterMember removed, ClusterMember added) {}
