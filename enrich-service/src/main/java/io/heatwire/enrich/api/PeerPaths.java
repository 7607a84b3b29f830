package io.heatwire.enrich.api;

/**
 * The protocol between instances: what an instance asks another's views. Every such request
 * carries {@link #HOP}; an instance answers it from its own views only and never forwards it.
 */
final class PeerPaths {

    /** Marks a request forwarded by another instance. */
    static final String HOP = "X-Heatwire-Hop";
    /** This instance's views: a key ({@code ?key=}) of a store. */
    static final String KEY = "/api/internal/views/{store}";
    /** This instance's views: the first entries of each active partition of a store in a range. */
    static final String RANGE = "/api/internal/views/{store}/range";

    private PeerPaths() {}
}
