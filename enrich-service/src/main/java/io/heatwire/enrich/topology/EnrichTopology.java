package io.heatwire.enrich.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import io.heatwire.enrich.cluster.ClusterAggregate;
import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.cluster.ClusterProcessor;
import io.heatwire.enrich.cluster.MemberChange;
import io.heatwire.enrich.parse.ArticleParser;
import io.heatwire.enrich.story.Story;

/**
 * The enrich topology as a plain function of a {@link StreamsBuilder}: production and every test
 * build it through {@link #build}.
 *
 * <pre>
 * raw ──parse──┬─ rejected ─────────────────────────────────────────▶ dead letters
 *              └─ accepted ─▶ events (story versions, alias claims) ─▶ story-events
 * story-events ──story node (store story-nodes)──┬─ events for other nodes ─▶ story-events
 *                                                 ├─ changed stories ────────▶ stories
 *                                                 └─ membership changes ─▶ cluster-changes (by cluster id)
 * cluster-changes ──cluster (stores cluster-*)──▶ changed clusters, once per interval ─▶ clusters
 * </pre>
 */
public final class EnrichTopology {

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
                .flatMap((key, result) -> firstEvents(((ParseResult.Accepted) result).stories()),
                        Named.as(Names.STORY_EVENTS_FROM_ARTICLE))
                .to(topics.storyEvents().name(), topics.storyEvents().produced(Names.STORY_EVENTS_SINK_FROM_PARSE));

        builder.addStateStore(store(Names.STORY_NODES, StoryNode.class));
        final Map<String, KStream<String, NodeOutput>> outputs = builder
                .stream(topics.storyEvents().name(), topics.storyEvents().consumed(Names.STORY_EVENTS_SOURCE))
                .process(() -> new StoryNodeProcessor(Names.STORY_NODES, metrics), Named.as(Names.STORY_NODE_PROCESSOR),
                        Names.STORY_NODES)
                .split(Named.as(Names.NODE_BRANCH))
                .branch((id, output) -> output instanceof NodeOutput.ToNode, Branched.as(Names.NODE_TO_NODE))
                .branch((id, output) -> output instanceof NodeOutput.Membership, Branched.as(Names.NODE_TO_CLUSTERS))
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

        builder.addStateStore(store(Names.CLUSTER_AGGREGATES, ClusterAggregate.class));
        builder.addStateStore(store(Names.CLUSTER_MEMBERS, String.class));
        builder.addStateStore(store(Names.CLUSTER_HEADLINES, ClusterMember.class));
        builder.addStateStore(store(Names.CLUSTER_DIRTY, Long.class));
        final ClusterProcessor.Names clusterStores = new ClusterProcessor.Names(Names.CLUSTER_AGGREGATES,
                Names.CLUSTER_MEMBERS, Names.CLUSTER_HEADLINES, Names.CLUSTER_DIRTY);
        outputs.get(Names.NODE_BRANCH + Names.NODE_TO_CLUSTERS)
                .flatMap((id, output) -> memberChanges((NodeOutput.Membership) output), Named.as(Names.MEMBER_CHANGES))
                .repartition(Repartitioned.<String, MemberChange>as(Names.CLUSTER_CHANGES)
                        .withKeySerde(Serdes.String()).withValueSerde(JsonSerdes.of(MemberChange.class)))
                .process(() -> new ClusterProcessor(clusterStores, settings.clusterEmitInterval(), metrics::clusterMerged),
                        Named.as(Names.CLUSTER_PROCESSOR), Names.CLUSTER_AGGREGATES, Names.CLUSTER_MEMBERS,
                        Names.CLUSTER_HEADLINES, Names.CLUSTER_DIRTY)
                .to(topics.clusters().name(), topics.clusters().produced(Names.CLUSTERS_SINK));
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
                ? Serdes.serdeFrom(type) : JsonSerdes.of(type);
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde);
    }

    /** What one document tells the story nodes: its ARTICLE version, its references, its aliases. */
    static List<KeyValue<String, NodeEvent>> firstEvents(List<Story> stories) {
        final Story article = stories.get(0);
        final List<KeyValue<String, NodeEvent>> events = new ArrayList<>(stories.size() + article.aliases().size());
        events.add(KeyValue.pair(article.id(), new NodeEvent.StoryVersion(article, null)));
        for (Story reference : stories.subList(1, stories.size())) {
            events.add(KeyValue.pair(reference.id(), new NodeEvent.StoryVersion(reference, article.id())));
        }
        for (String alias : article.aliases()) {
            events.add(KeyValue.pair(alias, new NodeEvent.AliasClaim(article.id())));
        }
        return events;
    }
}
