package io.heatwire.enrich.cluster;

/**
 * A written story's contribution before and after one write ({@code null}: none), the input of
 * the provider and topic statistics. Statistics follow story content, never cluster ids, so a
 * rename changes nothing here.
 */
public record StoryChange(ClusterMember before, ClusterMember after) {}
