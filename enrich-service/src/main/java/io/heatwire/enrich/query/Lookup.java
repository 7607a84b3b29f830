package io.heatwire.enrich.query;

/** What one instance says about one key of one store, read from its own state. */
public sealed interface Lookup {

    /** The active owner holds this record (the JSON bytes as committed to the output topic). */
    record Found(byte[] value) implements Lookup {}

    /** The active owner, up to date with what was committed, holds no record for the key. */
    record Absent() implements Lookup {}

    /** This instance is not the key's active owner (any more). */
    record NotHere() implements Lookup {}

    /** The owner cannot answer now: starting, rebalancing, restoring, unreachable. */
    record Unavailable(String reason) implements Lookup {}
}
