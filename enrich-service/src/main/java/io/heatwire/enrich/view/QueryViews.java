package io.heatwire.enrich.view;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.heatwire.enrich.topology.Topics;

/**
 * The query API's views: one table per output topic, holding the JSON bytes exactly as committed
 * to it (the Streams consumers read {@code read_committed}), and two indexes over them (RocksDB, no
 * changelog: rebuilt from their view when a task starts).
 * With {@code topology.optimization=reuse.ktable.source.topics} each table is restored from its
 * output topic instead of a changelog of its own. Built after the enrich topology, so its
 * sub-topologies keep their ids.
 *
 * <pre>
 * stories   ─▶ stories-view   ─▶ story-indexer ─▶ story-index (by alias, by cluster newest first)
 * clusters  ─▶ clusters-view  ─▶ heat-indexer  ─▶ clusters-by-heat (hottest first)
 * providers ─▶ providers-view
 * topics    ─▶ topics-view
 * </pre>
 */
public final class QueryViews {

    private QueryViews() {}

    public static void build(StreamsBuilder builder, Topics topics) {
        builder.addStateStore(index(ViewNames.STORY_INDEX));
        builder.addStateStore(indexed(ViewNames.STORY_INDEX_KEYS));
        builder.addStateStore(index(ViewNames.CLUSTERS_BY_HEAT));
        builder.addStateStore(indexed(ViewNames.CLUSTERS_BY_HEAT_KEYS));
        view(builder, topics.stories().name(), ViewNames.STORIES_SOURCE, ViewNames.STORIES_VIEW)
                .toStream(Named.as(ViewNames.STORIES_CHANGES))
                .process(
                        () -> new IndexProcessor(
                                ViewNames.STORIES_VIEW,
                                ViewNames.STORY_INDEX,
                                ViewNames.STORY_INDEX_KEYS,
                                IndexKeys::ofStory),
                        Named.as(ViewNames.STORY_INDEXER),
                        ViewNames.STORIES_VIEW,
                        ViewNames.STORY_INDEX,
                        ViewNames.STORY_INDEX_KEYS);
        view(builder, topics.clusters().name(), ViewNames.CLUSTERS_SOURCE, ViewNames.CLUSTERS_VIEW)
                .toStream(Named.as(ViewNames.CLUSTERS_CHANGES))
                .process(
                        () -> new IndexProcessor(
                                ViewNames.CLUSTERS_VIEW,
                                ViewNames.CLUSTERS_BY_HEAT,
                                ViewNames.CLUSTERS_BY_HEAT_KEYS,
                                IndexKeys::ofCluster),
                        Named.as(ViewNames.HEAT_INDEXER),
                        ViewNames.CLUSTERS_VIEW,
                        ViewNames.CLUSTERS_BY_HEAT,
                        ViewNames.CLUSTERS_BY_HEAT_KEYS);
        view(builder, topics.providers().name(), ViewNames.PROVIDERS_SOURCE, ViewNames.PROVIDERS_VIEW);
        view(builder, topics.topicStats().name(), ViewNames.TOPICS_SOURCE, ViewNames.TOPICS_VIEW);
    }

    /** The view's source topic, by view or index name. */
    public static String sourceTopic(Topics topics, String store) {
        return switch (store) {
            case ViewNames.STORIES_VIEW, ViewNames.STORY_INDEX ->
                topics.stories().name();
            case ViewNames.CLUSTERS_VIEW, ViewNames.CLUSTERS_BY_HEAT ->
                topics.clusters().name();
            case ViewNames.PROVIDERS_VIEW -> topics.providers().name();
            case ViewNames.TOPICS_VIEW -> topics.topicStats().name();
            default -> throw new IllegalArgumentException("no view " + store);
        };
    }

    /** The view an index refers into (its values are keys of that view); a view refers to itself. */
    public static String viewOf(String store) {
        return switch (store) {
            case ViewNames.STORY_INDEX -> ViewNames.STORIES_VIEW;
            case ViewNames.CLUSTERS_BY_HEAT -> ViewNames.CLUSTERS_VIEW;
            default -> store;
        };
    }

    private static KTable<String, byte[]> view(StreamsBuilder builder, String topic, String source, String store) {
        // Uncached: IQv2 range queries do not see a cache's entries, key queries would.
        return builder.table(
                topic,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(source),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(store)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray())
                        .withCachingDisabled());
    }

    /**
     * On disk, so the heap does not grow with the stories (in memory, the two indexes took about 55 MB
     * of heap per 50,000 stories); uncached, because IQv2 range queries do not see a cache's entries.
     */
    private static StoreBuilder<KeyValueStore<String, String>> index(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                .withLoggingDisabled();
    }

    private static StoreBuilder<KeyValueStore<String, List<String>>> indexed(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), keysSerde())
                .withLoggingDisabled();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Serde<List<String>> keysSerde() {
        return Serdes.ListSerde((Class) ArrayList.class, Serdes.String());
    }
}
