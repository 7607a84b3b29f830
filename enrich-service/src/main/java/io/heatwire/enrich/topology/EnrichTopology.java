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

import io.heatwire.enrich.aggregate.Contribution;
import io.heatwire.enrich.aggregate.KeyStats;
import io.heatwire.enrich.aggregate.ProviderRecord;
import io.heatwire.enrich.aggregate.StatsChange;
import io.heatwire.enrich.aggregate.StatsChanges;
import io.heatwire.enrich.aggregate.StatsProcessor;
import io.heatwire.enrich.aggregate.TopicRecord;
import io.heatwire.enrich.cluster.ClusterAggregate;
import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.cluster.ClusterProcessor;
import io.heatwire.enrich.cluster.MemberChange;
import io.heatwire.enrich.cluster.MemberChanges;
import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;

/**
 * The enrich topology as a plain function of a {@link StreamsBuilder}: production and every test
 * build it through {@link #build}.
 *
 * <pre>
 * raw ──parse──┬─ rejected ─────────────────────────────────────────▶ dead letters
 *              └─ accepted ─▶ events (story versions, alias claims) ─▶ story-events
 * story-events ──story node (store story-graph)──┬─ events for other nodes ─▶ story-events
 *                                                 ├─ changed stories ────────▶ stories
 *                                                 └─ membership changes ─▶ cluster-changes (by cluster id)
 * cluster-changes ──cluster (stores cluster-*)──▶ changed clusters, once per interval ─▶ clusters
 * membership changes ─▶ provider-changes ──provider-stats──▶ providers
 *                    └▶ topic-changes ────topic-stats─────▶ topics
 * </pre>
 */
public final class EnrichTopology {

    /** The most changes one batch record carries; a large merge is split into several records. */
    static final int BATCH_SIZE = 500;
    /** Roughly the most characters of text one batch record carries, well inside a 1 MB topic limit. */
    static final int BATCH_CHARS = 200_000;

    private EnrichTopology() {
    }

    public static void build(StreamsBuilder builder, Topics topics, EnrichSettings settings, PipelineMetrics metrics) {
        final ArticleParser parser = new ArticleParser(settings.parseLimits());

        final Map<String, KStream<byte[], ParseResult>> parsed = builder
                .stream(topics.raw().name(), topics.raw().consumed(Names.RAW_SOURCE))
                .process(() -> new ParseArticlesProcessor(parser, settings.deadLetterMaxValueBytes(), metrics), Named.as(Names.PARSE))
                .split(Named.as(Names.PARSE_BRANCH))
                .branch((key, result) -> result instanceof ParseResult.Rejected, Branched.as(Names.PARSE_REJECTED))
                .defaultBranch(Branched.as(Names.PARSE_ACCEPTED));

        parsed.get(Names.PARSE_BRANCH + Names.PARSE_REJECTED)
                .mapValues(result -> ((ParseResult.Rejected) result).original(), Named.as(Names.TO_DEAD_LETTER_BYTES))
                .to(topics.deadLetters().name(), topics.deadLetters().produced(Names.DEAD_LETTER_SINK));

        parsed.get(Names.PARSE_BRANCH + Names.PARSE_ACCEPTED)
                .flatMap((key, result) -> firstEvents(((ParseResult.Accepted) result).stories(), settings.clustering()),
                        Named.as(Names.STORY_EVENTS_FROM_ARTICLE))
                .to(topics.storyEvents().name(), topics.storyEvents().produced(Names.STORY_EVENTS_SINK_FROM_PARSE));

        builder.addStateStore(store(Names.STORY_GRAPH, StoryNode.class));
        builder.addStateStore(store(Names.STORY_CONTENTS, Story.class));
        builder.addStateStore(store(Names.STORIES_WRITTEN, WrittenStory.class));
        builder.addStateStore(store(Names.STORIES_DIRTY, Long.class));
        final StoryNodeProcessor.Stores nodeStores = new StoryNodeProcessor.Stores(Names.STORY_GRAPH,
                Names.STORY_CONTENTS, Names.STORIES_WRITTEN, Names.STORIES_DIRTY);
        final Map<String, KStream<String, NodeOutput>> outputs = builder
                .stream(topics.storyEvents().name(), topics.storyEvents().consumed(Names.STORY_EVENTS_SOURCE))
                .process(() -> new StoryNodeProcessor(nodeStores, settings.clusterEmitInterval(), settings.clustering(),
                        metrics),
                        Named.as(Names.STORY_NODE_PROCESSOR), Names.STORY_GRAPH, Names.STORY_CONTENTS, Names.STORIES_WRITTEN,
                        Names.STORIES_DIRTY)
                .split(Named.as(Names.NODE_BRANCH))
                .branch((id, output) -> output instanceof NodeOutput.ToNode, Branched.as(Names.NODE_TO_NODE))
                .branch((id, output) -> output instanceof NodeOutput.Memberships, Branched.as(Names.NODE_TO_CLUSTERS))
                .defaultBranch(Branched.as(Names.NODE_TO_STORIES));

        outputs.get(Names.NODE_BRANCH + Names.NODE_TO_NODE)
                .mapValues(output -> ((NodeOutput.ToNode) output).event(), Named.as(Names.NODE_EVENT_VALUE))
                .to(topics.storyEvents().name(), topics.storyEvents().produced(Names.STORY_EVENTS_SINK_FROM_NODE));

        outputs.get(Names.NODE_BRANCH + Names.NODE_TO_STORIES)
                .mapValues(output -> {
                    final Story story = ((NodeOutput.StoryUpdate) output).story();
                    metrics.storyWritten(story);
                    return story;
                }, Named.as(Names.STORY_VALUE))
                .to(topics.stories().name(), topics.stories().produced(Names.STORIES_SINK));

        final KStream<String, NodeOutput> memberships = outputs.get(Names.NODE_BRANCH + Names.NODE_TO_CLUSTERS);
        if (settings.clustering()) {
            clusters(builder, topics, settings, metrics, memberships);
        }
        statistics(builder, memberships, EnrichTopology::providerChanges, Names.PROVIDER_CHANGES,
                new StatsProcessor.Names(Names.PROVIDER_STATS, Names.PROVIDER_PUBLISHED),
                Names.PROVIDER_PROCESSOR, settings,
                (key, stats, first, last, asOf, now) -> new ProviderRecord(key, stats.name(), stats.stories(),
                        stats.articles(), stats.quality().summary(), first, last, stats.heat().heatScore(),
                        stats.heat().heatAt(asOf), asOf, now))
                .to(topics.providers().name(), topics.providers().produced(Names.PROVIDERS_SINK));
        statistics(builder, memberships, EnrichTopology::topicChanges, Names.TOPIC_CHANGES,
                new StatsProcessor.Names(Names.TOPIC_STATS, Names.TOPIC_PUBLISHED),
                Names.TOPIC_PROCESSOR, settings,
                (key, stats, first, last, asOf, now) -> new TopicRecord(key, stats.stories(), stats.articles(),
                        stats.quality().summary(), first, last, stats.heat().heatScore(), stats.heat().heatAt(asOf),
                        asOf, now))
                .to(topics.topicStats().name(), topics.topicStats().produced(Names.TOPICS_SINK));
    }

    /** Cluster membership changes repartitioned by cluster id into one cluster processor per cluster. */
    private static void clusters(StreamsBuilder builder, Topics topics, EnrichSettings settings, PipelineMetrics metrics,
            KStream<String, NodeOutput> memberships) {
        builder.addStateStore(store(Names.CLUSTER_AGGREGATES, ClusterAggregate.class));
        builder.addStateStore(store(Names.CLUSTER_MEMBERS, String.class));
        builder.addStateStore(store(Names.CLUSTER_HEADLINES, ClusterMember.class));
        final ClusterProcessor.Names clusterStores = new ClusterProcessor.Names(Names.CLUSTER_AGGREGATES,
                Names.CLUSTER_MEMBERS, Names.CLUSTER_HEADLINES);
        memberships
                .flatMap((id, output) -> batches(((NodeOutput.Memberships) output).changes(), EnrichTopology::memberChanges,
                        EnrichTopology::chars, MemberChanges::new), Named.as(Names.MEMBER_CHANGES))
                .repartition(Repartitioned.<String, MemberChanges>as(Names.CLUSTER_CHANGES)
                        .withKeySerde(Serdes.String()).withValueSerde(InternalSerdes.of(MemberChanges.class)))
                .process(() -> new ClusterProcessor(clusterStores, settings.clusterEmitInterval(), settings.heatHalfLife(),
                        metrics::clusterMerged),
                        Named.as(Names.CLUSTER_PROCESSOR), Names.CLUSTER_AGGREGATES, Names.CLUSTER_MEMBERS,
                        Names.CLUSTER_HEADLINES)
                .to(topics.clusters().name(), topics.clusters().produced(Names.CLUSTERS_SINK));
    }

    /** Provider or topic statistics: changes repartitioned by key into one stats processor per key. */
    private static <V> KStream<String, V> statistics(StreamsBuilder builder, KStream<String, NodeOutput> memberships,
            Function<NodeOutput.Membership, List<KeyValue<String, StatsChange>>> changes,
            String repartition, StatsProcessor.Names stores, String processor, EnrichSettings settings,
            StatsProcessor.RecordFactory<V> factory) {
        builder.addStateStore(store(stores.stats(), KeyStats.class));
        builder.addStateStore(store(stores.published(), String.class));
        return memberships
                .flatMap((id, output) -> batches(((NodeOutput.Memberships) output).changes(), changes,
                        EnrichTopology::chars, StatsChanges::new),
                        Named.as(repartition))
                .repartition(Repartitioned.<String, StatsChanges>as(repartition)
                        .withKeySerde(Serdes.String()).withValueSerde(InternalSerdes.of(StatsChanges.class)))
                .process(() -> new StatsProcessor<>(stores, settings.heatHalfLife(), settings.clusterEmitInterval(), factory),
                        Named.as(processor), stores.stats(), stores.published());
    }

    /**
     * The changes the memberships make, one record per key and at most {@link #BATCH_SIZE} changes
     * or about {@link #BATCH_CHARS} characters of text, in the order they were made: a key's
     * processor reads and writes its state once per batch.
     */
    static <C, B> List<KeyValue<String, B>> batches(List<NodeOutput.Membership> memberships,
            Function<NodeOutput.Membership, List<KeyValue<String, C>>> changes, ToIntFunction<C> chars,
            Function<List<C>, B> batch) {
        final Map<String, List<C>> byKey = new LinkedHashMap<>();
        for (NodeOutput.Membership membership : memberships) {
            for (KeyValue<String, C> change : changes.apply(membership)) {
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

    /** The text a member change carries, where all but a few bytes of its JSON are. */
    static int chars(MemberChange change) {
        return chars(change.removed()) + chars(change.added());
    }

    private static int chars(ClusterMember member) {
        if (member == null) {
            return 0;
        }
        int chars = 100 + length(member.id()) + length(member.title()) + length(member.url())
                + length(member.providerKey()) + length(member.providerName());
        for (String slug : member.topicSlugs()) {
            chars += length(slug) + 3;
        }
        return chars;
    }

    /** The text a statistics change carries. */
    static int chars(StatsChange change) {
        return 200 + length(change.name()) + (change.added() == null ? 0 : length(change.added().storyId()))
                + (change.removed() == null ? 0 : length(change.removed().storyId()));
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** A story's contribution to its provider moves when its provider or its figures change. */
    static List<KeyValue<String, StatsChange>> providerChanges(NodeOutput.Membership membership) {
        final ClusterMember before = membership.before();
        final ClusterMember after = membership.after();
        final String from = before == null ? null : before.providerKey();
        final String to = after == null ? null : after.providerKey();
        final Contribution removed = before == null ? null : contribution(before);
        final Contribution added = after == null ? null : contribution(after);
        return changes(from, removed, to, added, after == null ? null : after.providerName());
    }

    /** A story's contribution to each of its topics; only ARTICLE stories have topics. */
    static List<KeyValue<String, StatsChange>> topicChanges(NodeOutput.Membership membership) {
        final ClusterMember before = membership.before();
        final ClusterMember after = membership.after();
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
            result.addAll(changes(wasIn ? slug : null, wasIn ? contribution(before) : null,
                    isIn ? slug : null, isIn ? contribution(after) : null, null));
        }
        return result;
    }

    private static List<KeyValue<String, StatsChange>> changes(String from, Contribution removed, String to,
            Contribution added, String name) {
        if (from != null && from.equals(to)) {
            return removed.equals(added) ? List.of() : List.of(KeyValue.pair(to, new StatsChange(removed, added, name)));
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
        return new Contribution(member.id(), member.kind() == StoryKind.ARTICLE, member.quality(), member.publishedAt());
    }

    /** A move between clusters leaves the old one and joins the new one; a change within one is one record. */
    static List<KeyValue<String, MemberChange>> memberChanges(NodeOutput.Membership membership) {
        if (membership.fromCluster() != null && membership.fromCluster().equals(membership.toCluster())) {
            return List.of(KeyValue.pair(membership.toCluster(), new MemberChange(membership.before(), membership.after())));
        }
        final List<KeyValue<String, MemberChange>> changes = new ArrayList<>(2);
        if (membership.fromCluster() != null) {
            changes.add(KeyValue.pair(membership.fromCluster(), new MemberChange(membership.before(), null)));
        }
        if (membership.toCluster() != null) {
            changes.add(KeyValue.pair(membership.toCluster(), new MemberChange(null, membership.after())));
        }
        return changes;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Class<V> type) {
        final Serde<V> serde = type == String.class || type == Long.class
                ? Serdes.serdeFrom(type) : InternalSerdes.of(type);
        // Cached: a key written many times between two commits reaches RocksDB and its changelog once.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde)
                .withCachingEnabled();
    }

    /** What one document tells the story nodes: its ARTICLE version, its references, its aliases. */
    static List<KeyValue<String, NodeEvent>> firstEvents(List<Story> stories, boolean clustering) {
        final Story article = stories.get(0);
        final List<KeyValue<String, NodeEvent>> events = new ArrayList<>(stories.size() + article.aliases().size());
        events.add(KeyValue.pair(article.id(), new NodeEvent.StoryVersion(article, null)));
        for (Story reference : stories.subList(1, stories.size())) {
            events.add(KeyValue.pair(reference.id(), new NodeEvent.StoryVersion(reference, article.id())));
        }
        for (String alias : clustering ? article.aliases() : List.<String>of()) {
            events.add(KeyValue.pair(alias, new NodeEvent.AliasClaim(article.id())));
        }
        return events;
    }
}
