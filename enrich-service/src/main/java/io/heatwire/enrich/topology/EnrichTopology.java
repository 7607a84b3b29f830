package io.heatwire.enrich.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.core.type.TypeReference;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;
import io.heatwire.enrich.aggregate.Contribution;
import io.heatwire.enrich.aggregate.KeyStats;
import io.heatwire.enrich.aggregate.ProviderRecord;
import io.heatwire.enrich.aggregate.PublishedDay;
import io.heatwire.enrich.aggregate.StatsChange;
import io.heatwire.enrich.aggregate.StatsChanges;
import io.heatwire.enrich.aggregate.StatsProcessor;
import io.heatwire.enrich.aggregate.TopicRecord;
import io.heatwire.enrich.cluster.ClusterAggregate;
import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.cluster.StoryChange;
import io.heatwire.enrich.clustering.BatchPartitioner;
import io.heatwire.enrich.clustering.Cluster;
import io.heatwire.enrich.clustering.ClusteringEvent;
import io.heatwire.enrich.clustering.ClusteringOutput;
import io.heatwire.enrich.clustering.ClusteringProcessor;
import io.heatwire.enrich.clustering.Member;
import io.heatwire.enrich.clustering.Node;
import io.heatwire.enrich.clustering.Settings;
import io.heatwire.enrich.clustering.UnclusteredProcessor;
import io.heatwire.enrich.metrics.PipelineMetrics;
import io.heatwire.enrich.parsing.ParseArticlesProcessor;
import io.heatwire.enrich.parsing.ParseResult;
import io.heatwire.enrich.serde.InternalSerdes;
import io.heatwire.enrich.state.ObjectStores;

/**
 * The enrich topology as a plain function of a {@link StreamsBuilder}: production and every test
 * build it through {@link #build}.
 *
 * <pre>
 * raw ──parse──┬─ rejected ──────────────────────────────────────────────▶ dead letters
 *              └─ accepted: one record per document (its stories) ─────────▶ story-events
 * story-events ──clustering (union-find keyed by cluster, docs/architecture.md)──┬─ protocol messages ─▶ story-events
 *                                                                              ├─ stories ──────────▶ stories
 *                                                                              ├─ clusters ─────────▶ clusters
 *                                                                              └─ contribution changes
 * contribution changes ─▶ provider-changes ──provider-stats──▶ providers
 *                      └▶ topic-changes ────topic-stats─────▶ topics
 * </pre>
 */
public final class EnrichTopology {

    /** The most changes one batch record carries; a large merge is split into several records. */
    static final int BATCH_SIZE = 500;
    /** Roughly the most characters of text one batch record carries, well inside a 1 MB topic limit. */
    static final int BATCH_CHARS = 200_000;

    private EnrichTopology() {}

    public static void build(StreamsBuilder builder, Topics topics, EnrichSettings settings, PipelineMetrics metrics) {
        final ArticleParser parser = new ArticleParser(settings.parseLimits());

        final Map<String, KStream<byte[], ParseResult>> parsed = builder.stream(
                        topics.raw().name(), topics.raw().consumed(Names.RAW_SOURCE))
                .process(
                        () -> new ParseArticlesProcessor(parser, settings.deadLetterMaxValueBytes(), metrics),
                        Named.as(Names.PARSE))
                .split(Named.as(Names.PARSE_BRANCH))
                .branch((key, result) -> result instanceof ParseResult.Rejected, Branched.as(Names.PARSE_REJECTED))
                .defaultBranch(Branched.as(Names.PARSE_ACCEPTED));

        parsed.get(Names.PARSE_BRANCH + Names.PARSE_REJECTED)
                .mapValues(result -> ((ParseResult.Rejected) result).original(), Named.as(Names.TO_DEAD_LETTER_BYTES))
                .to(topics.deadLetters().name(), topics.deadLetters().produced(Names.DEAD_LETTER_SINK));

        parsed.get(Names.PARSE_BRANCH + Names.PARSE_ACCEPTED)
                .flatMap(
                        (key, result) ->
                                documentEvents(((ParseResult.Accepted) result).stories(), settings.clustering()),
                        Named.as(Names.STORY_EVENTS_FROM_ARTICLE))
                .to(topics.storyEvents().name(), topics.storyEvents().produced(Names.STORY_EVENTS_SINK_FROM_PARSE));

        final KStream<String, ClusteringOutput> outputs = settings.clustering()
                ? clustering(builder, topics, settings, metrics)
                : unclustered(builder, topics, metrics);
        final Map<String, KStream<String, ClusteringOutput>> routed = outputs.split(Named.as(Names.CLUSTERING_BRANCH))
                .branch((id, output) -> output instanceof ClusteringOutput.Event, Branched.as(Names.TO_EVENTS))
                .branch((id, output) -> output instanceof ClusteringOutput.StoryWrite, Branched.as(Names.TO_STORIES))
                .branch((id, output) -> output instanceof ClusteringOutput.ClusterWrite, Branched.as(Names.TO_CLUSTERS))
                .defaultBranch(Branched.as(Names.TO_STATISTICS));

        final int partitions = settings.storyEventPartitions();
        routed.get(Names.CLUSTERING_BRANCH + Names.TO_EVENTS)
                .mapValues(output -> ((ClusteringOutput.Event) output).event(), Named.as(Names.EVENT_VALUE))
                .to(
                        topics.storyEvents().name(),
                        topics.storyEvents()
                                .produced(Names.STORY_EVENTS_SINK_FROM_CLUSTERING)
                                .withStreamPartitioner(new BatchPartitioner(partitions)));
        routed.get(Names.CLUSTERING_BRANCH + Names.TO_STORIES)
                .mapValues(output -> ((ClusteringOutput.StoryWrite) output).story(), Named.as(Names.STORY_VALUE))
                .to(topics.stories().name(), topics.stories().produced(Names.STORIES_SINK));
        routed.get(Names.CLUSTERING_BRANCH + Names.TO_CLUSTERS)
                .mapValues(output -> ((ClusteringOutput.ClusterWrite) output).record(), Named.as(Names.CLUSTER_VALUE))
                .to(topics.clusters().name(), topics.clusters().produced(Names.CLUSTERS_SINK));

        final KStream<String, ClusteringOutput> changes = routed.get(Names.CLUSTERING_BRANCH + Names.TO_STATISTICS);
        statistics(
                        builder,
                        changes,
                        EnrichTopology::providerChanges,
                        Names.PROVIDER_CHANGES,
                        new StatsProcessor.Names(Names.PROVIDER_STATS, Names.PROVIDER_PUBLISHED),
                        Names.PROVIDER_PROCESSOR,
                        settings,
                        ProviderRecord::from)
                .to(topics.providers().name(), topics.providers().produced(Names.PROVIDERS_SINK));
        statistics(
                        builder,
                        changes,
                        EnrichTopology::topicChanges,
                        Names.TOPIC_CHANGES,
                        new StatsProcessor.Names(Names.TOPIC_STATS, Names.TOPIC_PUBLISHED),
                        Names.TOPIC_PROCESSOR,
                        settings,
                        TopicRecord::from)
                .to(topics.topicStats().name(), topics.topicStats().produced(Names.TOPICS_SINK));
    }

    /** The clustering processor over story-events (SPEC 7), with its stores. */
    private static KStream<String, ClusteringOutput> clustering(
            StreamsBuilder builder, Topics topics, EnrichSettings settings, PipelineMetrics metrics) {
        builder.addStateStore(store(Names.STORY_CONTENTS, InternalSerdes.of(Story.class)));
        builder.addStateStore(store(Names.STORY_NODES, InternalSerdes.of(new TypeReference<Node<ClusterMember>>() {})));
        builder.addStateStore(store(
                Names.CLUSTER_STATE,
                InternalSerdes.of(new TypeReference<Cluster<ClusterMember, ClusterAggregate>>() {})));
        builder.addStateStore(
                store(Names.CLUSTER_ROSTERS, InternalSerdes.of(new TypeReference<Member<ClusterMember>>() {})));
        builder.addStateStore(store(Names.CLUSTER_MEMBERS, Serdes.String()));
        builder.addStateStore(store(Names.CLUSTER_HEADLINES, InternalSerdes.of(ClusterMember.class)));
        builder.addStateStore(store(Names.STORIES_WRITTEN, InternalSerdes.of(ClusterMember.class)));
        final ClusteringProcessor.StoreNames stores = new ClusteringProcessor.StoreNames(
                Names.STORY_CONTENTS,
                Names.STORY_NODES,
                Names.CLUSTER_STATE,
                Names.CLUSTER_ROSTERS,
                Names.CLUSTER_MEMBERS,
                Names.CLUSTER_HEADLINES,
                Names.STORIES_WRITTEN);
        // Rosters inline up to 16 members: a cluster record is read and written on every step that
        // touches the cluster, so it stays small; larger rosters spill to the member index.
        final Settings engine = new Settings(settings.clusterEmitInterval().toMillis() / 2, 16);
        return builder.stream(topics.storyEvents().name(), topics.storyEvents().consumed(Names.STORY_EVENTS_SOURCE))
                .process(
                        () -> new ClusteringProcessor(
                                stores,
                                settings.storyEventPartitions(),
                                settings.clusterEmitInterval(),
                                settings.heatHalfLife(),
                                engine,
                                metrics),
                        Named.as(Names.CLUSTERING_PROCESSOR),
                        Names.STORY_CONTENTS,
                        Names.STORY_NODES,
                        Names.CLUSTER_STATE,
                        Names.CLUSTER_ROSTERS,
                        Names.CLUSTER_MEMBERS,
                        Names.CLUSTER_HEADLINES,
                        Names.STORIES_WRITTEN);
    }

    /** The benchmark's ceiling: stories merged and written as their own clusters, nothing linked. */
    private static KStream<String, ClusteringOutput> unclustered(
            StreamsBuilder builder, Topics topics, PipelineMetrics metrics) {
        builder.addStateStore(store(Names.STORY_CONTENTS, InternalSerdes.of(Story.class)));
        builder.addStateStore(store(Names.STORIES_WRITTEN, InternalSerdes.of(ClusterMember.class)));
        return builder.stream(topics.storyEvents().name(), topics.storyEvents().consumed(Names.STORY_EVENTS_SOURCE))
                .process(
                        () -> new UnclusteredProcessor(Names.STORY_CONTENTS, Names.STORIES_WRITTEN, metrics),
                        Named.as(Names.CLUSTERING_PROCESSOR),
                        Names.STORY_CONTENTS,
                        Names.STORIES_WRITTEN);
    }

    /**
     * What one parsed document sends to story-events: with clustering, one record for its article
     * id with all its stories; without, one record per story, keyed by that story's id.
     */
    static List<KeyValue<String, ClusteringEvent>> documentEvents(List<Story> stories, boolean clustering) {
        if (clustering) {
            return List.of(KeyValue.pair(stories.get(0).id(), ClusteringEvent.document(stories)));
        }
        final List<KeyValue<String, ClusteringEvent>> events = new ArrayList<>(stories.size());
        for (Story story : stories) {
            events.add(KeyValue.pair(story.id(), ClusteringEvent.document(List.of(story))));
        }
        return events;
    }

    /** Provider or topic statistics: changes repartitioned by key into one stats processor per key. */
    private static <V> KStream<String, V> statistics(
            StreamsBuilder builder,
            KStream<String, ClusteringOutput> stories,
            Function<StoryChange, List<KeyValue<String, StatsChange>>> changes,
            String repartition,
            StatsProcessor.Names stores,
            String processor,
            EnrichSettings settings,
            StatsProcessor.RecordFactory<V> factory) {
        builder.addStateStore(store(stores.stats(), InternalSerdes.of(KeyStats.class)));
        builder.addStateStore(store(stores.published(), InternalSerdes.of(PublishedDay.class)));
        return stories.flatMap(
                        (id, output) -> batches(
                                ((ClusteringOutput.StatsChanges) output).changes(),
                                changes,
                                EnrichTopology::chars,
                                StatsChanges::new),
                        Named.as(repartition))
                .repartition(Repartitioned.<String, StatsChanges>as(repartition)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(InternalSerdes.of(StatsChanges.class)))
                .process(
                        () -> new StatsProcessor<>(
                                stores, settings.heatHalfLife(), settings.clusterEmitInterval(), factory),
                        Named.as(processor),
                        stores.stats(),
                        stores.published());
    }

    /**
     * The changes of one step, one record per key and at most {@link #BATCH_SIZE} changes or about
     * {@link #BATCH_CHARS} characters of text, in the order they were made: a key's processor reads
     * and writes its state once per batch.
     */
    static <C, B> List<KeyValue<String, B>> batches(
            List<StoryChange> stories,
            Function<StoryChange, List<KeyValue<String, C>>> changes,
            ToIntFunction<C> chars,
            Function<List<C>, B> batch) {
        final Map<String, List<C>> byKey = new LinkedHashMap<>();
        for (StoryChange story : stories) {
            for (KeyValue<String, C> change : changes.apply(story)) {
                byKey.computeIfAbsent(change.key, key -> new ArrayList<>()).add(change.value);
            }
        }
        final List<KeyValue<String, B>> records = new ArrayList<>(byKey.size());
        byKey.forEach((key, list) -> {
            int from = 0;
            int size = 0;
            for (int i = 0; i < list.size(); i++) {
                final int next = chars.applyAsInt(list.get(i));
                if (i > from && (i - from == BATCH_SIZE || size + next > BATCH_CHARS)) {
                    records.add(KeyValue.pair(key, batch.apply(list.subList(from, i))));
                    from = i;
                    size = 0;
                }
                size += next;
            }
            records.add(KeyValue.pair(key, batch.apply(list.subList(from, list.size()))));
        });
        return records;
    }

    /** The text a statistics change carries. */
    static int chars(StatsChange change) {
        return 200
                + length(change.name())
                + (change.added() == null ? 0 : length(change.added().storyId()))
                + (change.removed() == null ? 0 : length(change.removed().storyId()));
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** A story's contribution to its provider moves when its provider or its figures change. */
    static List<KeyValue<String, StatsChange>> providerChanges(StoryChange story) {
        final ClusterMember before = story.before();
        final ClusterMember after = story.after();
        final String from = before == null ? null : before.providerKey();
        final String to = after == null ? null : after.providerKey();
        final Contribution removed = before == null ? null : contribution(before);
        final Contribution added = after == null ? null : contribution(after);
        return changes(from, removed, to, added, after == null ? null : after.providerName());
    }

    /** A story's contribution to each of its topics; only ARTICLE stories have topics. */
    static List<KeyValue<String, StatsChange>> topicChanges(StoryChange story) {
        final ClusterMember before = story.before();
        final ClusterMember after = story.after();
        final List<String> slugs = new ArrayList<>();
        if (before != null) {
            slugs.addAll(before.topicSlugs());
        }
        if (after != null) {
            after.topicSlugs().stream().filter(slug -> !slugs.contains(slug)).forEach(slugs::add);
        }
        final List<KeyValue<String, StatsChange>> result = new ArrayList<>();
        for (String slug : slugs) {
            final boolean wasIn = before != null && before.topicSlugs().contains(slug);
            final boolean isIn = after != null && after.topicSlugs().contains(slug);
            result.addAll(changes(
                    wasIn ? slug : null,
                    wasIn ? contribution(before) : null,
                    isIn ? slug : null,
                    isIn ? contribution(after) : null,
                    null));
        }
        return result;
    }

    private static List<KeyValue<String, StatsChange>> changes(
            String from, Contribution removed, String to, Contribution added, String name) {
        if (from != null && from.equals(to)) {
            return removed.equals(added)
                    ? List.of()
                    : List.of(KeyValue.pair(to, new StatsChange(removed, added, name)));
        }
        final List<KeyValue<String, StatsChange>> result = new ArrayList<>(2);
        if (from != null) {
            result.add(KeyValue.pair(from, new StatsChange(removed, null, null)));
        }
        if (to != null) {
            result.add(KeyValue.pair(to, new StatsChange(null, added, name)));
        }
        return result;
    }

    private static Contribution contribution(ClusterMember member) {
        return new Contribution(
                member.id(), member.kind() == StoryKind.ARTICLE, member.quality(), member.publishedAt());
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> serde) {
        // Cached: a key written many times between two commits reaches RocksDB and its changelog
        // once, and is decoded and encoded once (the object layer over the byte cache).
        return ObjectStores.objectCached(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde)
                        .withCachingEnabled());
    }
}
