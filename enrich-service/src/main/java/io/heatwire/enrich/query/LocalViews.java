package io.heatwire.enrich.query;

import java.util.Collection;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** The views of this instance's Kafka Streams client, and its metadata about the others. */
public interface LocalViews {

    /** The instance this one advertises as {@code application.server}. */
    HostInfo self();

    /**
     * Where the key of a store lives: {@link KeyQueryMetadata#NOT_AVAILABLE} while the client
     * (re)initializes.
     */
    KeyQueryMetadata owner(String store, String key);

    /** The instances that have active tasks of the store. */
    Collection<HostInfo> hosts(String store);

    /** The key from this instance's active task of the partition. */
    Lookup get(String store, String key, int partition);

    /**
     * The first {@code limit} entries of every active partition of the store on this instance, in
     * {@code [from, to]} ({@code to} null: no upper bound) and after {@code after} when given.
     */
    Slice range(String store, String from, String to, String after, int limit);

    /** The partitions of the store's source topic. */
    int partitions(String store);
}
