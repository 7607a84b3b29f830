package io.heatwire.enrich.query;

import org.apache.kafka.streams.state.HostInfo;

/**
 * The other instances, asked over HTTP. A peer answers from its own views only and never
 * forwards again, so a request crosses at most one hop whatever the instances believe about
 * each other during a rebalance.
 */
public interface Peers {

    /** {@link LocalViews#get} on the peer, with the partition it finds itself. */
    Lookup get(HostInfo peer, String store, String key);

    /** {@link LocalViews#range} on the peer; throws {@link UnavailableException} when it cannot answer. */
    Slice range(HostInfo peer, String store, String from, String to, String after, int limit);
}
