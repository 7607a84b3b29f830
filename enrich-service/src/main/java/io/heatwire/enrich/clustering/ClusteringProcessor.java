package io.heatwire.enrich.clustering;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.dataformat.cbor.CBORMapper;

import io.heatwire.article.story.SourceVersion;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;
import io.heatwire.article.story.StoryMerge;
import io.heatwire.enrich.cluster.ClusterAggregate;
import io.heatwire.enrich.cluster.ClusterIndex;
import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.cluster.StoryChange;

/**
 * Runs one {@link ClusteringTask} per partition of the story-events topic inside Kafka Streams:
 * merges story content (SPEC 6) in its own store, hands the task what clustering needs of it,
 * and turns the task's effects into records — protocol messages back to story-events (batches to
 * the partition they name), stories, clusters, and the contribution changes that feed the provider
 * and topic statistics. Everything one input record or punctuation causes is written in the same
 * transaction as the state it changed (exactly-once v2).
 */
public final class ClusteringProcessor implements Processor<String, ClusteringEvent, String, ClusteringOutput> {

    /** The stores this processor uses. */
    public record StoreNames(
            String contents,
            String nodes,
            String clusters,
            String members,
            String timeline,
            String headlines,
            String written) {}

    /** What the processor reports besides its records. */
    public interface Observer {

        /**
         * A story record was written ({@code null}: a tombstone); {@code changedAt} is the timestamp of
         * the record that changed it, negative when unknown.
         */
        void storyWritten(Story story, long changedAt, long now);

        /** A cluster id stopped naming a cluster (its tombstone was written). */
        void clusterMerged();
    }

    private static final int MAX_TRACKED_CHANGES = 100_000;
    private static final CBORMapper DIGEST_MAPPER = CBORMapper.builder().build();

    private final StoreNames names;
    private final int partitions;
    private final Duration flushInterval;
    private final Duration halfLife;
    private final Settings settings;
    private final Observer observer;
    private ProcessorContext<String, ClusteringOutput> context;
    private KeyValueStore<String, Story> contents;
    private KeyValueStore<String, ClusterMember> written;
    private ClusterIndex index;
    private ClusteringTask<ClusterMember, ClusterAggregate> task;
    /** When each story changed first since it was last written: for the end-to-end latency only. */
    private final Map<String, Long> changedAt = new HashMap<>();

    /**
     * @param partitions    partitions of the story-events topic; fixed for the life of the state
     * @param flushInterval how often the task's outbox is flushed: fan-out, stories and clusters
     */
    public ClusteringProcessor(
            StoreNames names,
            int partitions,
            Duration flushInterval,
            Duration halfLife,
            Settings settings,
            Observer observer) {
        this.names = names;
        this.partitions = partitions;
        this.flushInterval = flushInterval;
        this.halfLife = halfLife;
        this.settings = settings;
        this.observer = observer;
    }

    /** The partition the default producer partitioner gives {@code id}'s record on story-events. */
    public static int partitionOf(String id, int partitions) {
        return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void init(ProcessorContext<String, ClusteringOutput> context) {
        this.context = context;
        this.contents = context.getStateStore(names.contents());
        this.written = context.getStateStore(names.written());
        this.index =
                new ClusterIndex(context.getStateStore(names.timeline()), context.getStateStore(names.headlines()));
        final KeyValueStore<String, Node<ClusterMember>> nodes = context.getStateStore(names.nodes());
        final KeyValueStore<String, Cluster<ClusterMember, ClusterAggregate>> clusters =
                context.getStateStore(names.clusters());
        final KeyValueStore<String, Member<ClusterMember>> members = context.getStateStore(names.members());
        task = new ClusteringTask<>(
                context.taskId().partition(),
                id -> partitionOf(id, partitions),
                KafkaStores.byId(nodes),
                KafkaStores.byId(clusters),
                KafkaStores.byMember(members),
                ClusteringProcessor::merge,
                new Aggregates(halfLife),
                settings,
                new Index());
        task.init();
        changedAt.clear();
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, ClusteringEvent> record) {
        final ClusteringEvent event = record.value();
        final long timestamp = record.timestamp();
        if (event.message() == null) {
            ingest(record.key(), event.stories(), timestamp);
        } else if (event.message() instanceof Message.RefVersion<ClusterMember> ref) {
            final Story version =
                    event.stories().isEmpty() ? null : event.stories().get(0);
            final Story merged = mergeContent(ref.id(), version, timestamp);
            emit(
                    task.process(
                            record.key(),
                            new Message.RefVersion<>(ref.id(), ref.referrer(), facts(merged), ref.hint()),
                            timestamp),
                    Map.of(),
                    timestamp);
        } else {
            emit(task.process(record.key(), event.message(), timestamp), Map.of(), timestamp);
        }
    }

    void flush(long now) {
        emit(task.punctuate(now), Map.of(), now);
        if (changedAt.size() > MAX_TRACKED_CHANGES) {
            changedAt.clear(); // ids whose change published nothing (hubs): only a latency metric is lost
        }
    }

    /** A parsed document at its article's id. The same document again changes and sends nothing. */
    private void ingest(String id, List<Story> stories, long timestamp) {
        final Story article = stories.get(0);
        final Story current = contents.get(id);
        if (current != null
                && current.kind() == StoryKind.ARTICLE
                && article.sourceVersion().contentSha256() != null
                && article.sourceVersion()
                        .contentSha256()
                        .equals(current.sourceVersion().contentSha256())) {
            return;
        }
        final Story merged = mergeContent(id, article, timestamp);
        // a document may relate one id twice: its versions merge as they would at the id's node
        final Map<String, Story> references = new HashMap<>();
        for (Story reference : stories.subList(1, stories.size())) {
            references.merge(reference.id(), reference, StoryMerge::merge);
        }
        // an article forwards a reference version only if its document is newer than the one it
        // last forwarded from, in the order the reference's merge uses (publication, then ingestion)
        final long version = documentOrder(article.sourceVersion(), timestamp);
        final Map<String, StoryFacts<ClusterMember>> related = new HashMap<>();
        references.forEach((referenceId, reference) -> {
            final StoryFacts<ClusterMember> facts = facts(reference);
            related.put(
                    referenceId, new StoryFacts<>(facts.kind(), version, facts.publishedAt(), facts.contribution()));
        });
        final Set<String> aliases = new LinkedHashSet<>(merged.aliases());
        emit(
                task.process(
                        id, new Message.Ingest<>(new ArticleInput<>(id, facts(merged), related, aliases)), timestamp),
                references,
                timestamp);
    }

    private Story mergeContent(String id, Story version, long timestamp) {
        final Story current = contents.get(id);
        final Story merged = StoryMerge.merge(current, version);
        if (merged != current) {
            contents.put(id, merged);
            changedAt.putIfAbsent(id, timestamp);
        }
        return merged;
    }

    /**
     * Facts from merged content: equal published content, equal facts (no ingestion time), so a
     * version that changes nothing published changes nothing in clustering either, and one that
     * changes anything published (even outside what clustering counts) gets the story rewritten.
     * The version is a digest of the published form; the merge below does not order by it.
     */
    private static StoryFacts<ClusterMember> facts(Story story) {
        final Kind kind = story.kind() == StoryKind.ARTICLE ? Kind.ARTICLE : Kind.REFERENCE;
        final Story published = published(story, null);
        return new StoryFacts<>(
                kind,
                digest(published),
                story.publishedAt() == null ? null : story.publishedAt().toEpochMilli(),
                ClusterMember.contributionOf(published));
    }

    /**
     * A document's place in the order {@code StoryMerge} gives the versions it yields: publication
     * time first, then ingestion time, both in seconds (unknown: 0). Two versions of one article
     * published and ingested within the same seconds tie, and the second forwards nothing new.
     */
    static long documentOrder(SourceVersion version, long timestamp) {
        final long published = version.publishedAt() == null
                ? 0
                : Math.max(0, version.publishedAt().getEpochSecond());
        final long ingested = version.ingestedAt() == null
                ? timestamp / 1000
                : version.ingestedAt().getEpochSecond();
        return (published << 31) | Math.min(Math.max(0, ingested), (1L << 31) - 1);
    }

    /** The first 8 bytes of SHA-256 of the story's CBOR: stable across processes, unlike hashCode. */
    static long digest(Story story) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(DIGEST_MAPPER.writeValueAsBytes(story)))
                    .getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Facts are built from fully merged content, so the newest facts are the merge, ARTICLE first. */
    static StoryFacts<ClusterMember> merge(StoryFacts<ClusterMember> current, StoryFacts<ClusterMember> incoming) {
        return current.kind() == Kind.ARTICLE && incoming.kind() == Kind.REFERENCE ? current : incoming;
    }

    private void emit(Effects<ClusterMember, ClusterAggregate> effects, Map<String, Story> references, long timestamp) {
        for (Effects.Outgoing<ClusterMember> outgoing : effects.messages()) {
            final Story content = outgoing.message() instanceof Message.RefVersion<ClusterMember> ref
                    ? references.get(ref.id())
                    : null;
            final ClusteringEvent event =
                    new ClusteringEvent(outgoing.message(), content == null ? List.of() : List.of(content));
            forward(outgoing.key(), new ClusteringOutput.Event(event), timestamp);
        }
        final List<StoryChange> changes = new ArrayList<>();
        for (Effects.StoryUpdate<ClusterMember> update : effects.stories()) {
            writeStory(update, changes, timestamp);
        }
        if (!changes.isEmpty()) {
            forward(
                    changes.get(0).after() != null
                            ? changes.get(0).after().id()
                            : changes.get(0).before().id(),
                    new ClusteringOutput.StatsChanges(changes),
                    timestamp);
        }
        if (!effects.clusters().isEmpty()) {
            final Instant asOf = Instant.ofEpochMilli(Math.max(0, context.currentStreamTimeMs()));
            final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
            for (Effects.ClusterUpdate<ClusterMember, ClusterAggregate> update : effects.clusters()) {
                if (update.record() == null) {
                    forward(update.id(), new ClusteringOutput.ClusterWrite(null), timestamp);
                    observer.clusterMerged();
                } else {
                    final Effects.ClusterRecord<ClusterMember, ClusterAggregate> record = update.record();
                    forward(
                            update.id(),
                            new ClusteringOutput.ClusterWrite(index.record(
                                    record.key(), record.id(), record.aggregate(), record.inline(), asOf, now)),
                            timestamp);
                }
            }
        }
    }

    private void writeStory(Effects.StoryUpdate<ClusterMember> update, List<StoryChange> changes, long timestamp) {
        final String id = update.id();
        final ClusterMember before = written.get(id);
        final Long changed = changedAt.remove(id);
        if (update.clusterId() == null) {
            forward(id, new ClusteringOutput.StoryWrite(null), timestamp);
            observer.storyWritten(null, -1, context.currentSystemTimeMs());
            if (before != null) {
                written.delete(id);
                changes.add(new StoryChange(before, null));
            }
            return;
        }
        final Story story = published(Objects.requireNonNull(contents.get(id), id), update.clusterId());
        forward(id, new ClusteringOutput.StoryWrite(story), timestamp);
        observer.storyWritten(story, changed == null ? -1 : changed, context.currentSystemTimeMs());
        final ClusterMember member = ClusterMember.contributionOf(story);
        if (!member.equals(before)) {
            written.put(id, member);
            changes.add(new StoryChange(before, member));
        }
    }

    /**
     * The story as published: without the ingestion time, which orders versions but is no content,
     * and for a REFERENCE without the hash of the document that described it (an edit that leaves
     * the reference as it was must not rewrite it); its own id is never among its related ids.
     */
    public static Story published(Story story, String clusterId) {
        final SourceVersion version = story.sourceVersion();
        final String hash = story.kind() == StoryKind.ARTICLE ? version.contentSha256() : null;
        final Story base = version.ingestedAt() == null && Objects.equals(hash, version.contentSha256())
                ? story
                : story.withSourceVersion(new SourceVersion(version.publishedAt(), null, hash));
        final List<String> related = story.related().contains(story.id())
                ? story.related().stream().filter(r -> !r.equals(story.id())).toList()
                : story.related();
        return base.withAccumulated(story.aliases(), related, clusterId);
    }

    private void forward(String key, ClusteringOutput output, long timestamp) {
        context.forward(new Record<>(key, output, timestamp, new RecordHeaders()));
    }

    /** Cluster aggregates: the removable counts of SPEC 7–9. */
    private record Aggregates(Duration halfLife) implements Aggregator<ClusterMember, ClusterAggregate> {

        @Override
        public ClusterAggregate empty() {
            return ClusterAggregate.empty(halfLife);
        }

        @Override
        public ClusterAggregate add(ClusterAggregate aggregate, ClusterMember contribution) {
            return aggregate.plus(contribution);
        }

        @Override
        public ClusterAggregate remove(ClusterAggregate aggregate, ClusterMember contribution) {
            return aggregate.minus(contribution);
        }
    }

    /** Keeps the ordered figures of every roster (members newest first, headline). */
    private final class Index implements RosterIndex<ClusterMember> {

        @Override
        public void added(String cluster, String story, Member<ClusterMember> member) {
            index.added(cluster, member.contribution());
        }

        @Override
        public void removed(String cluster, String story, Member<ClusterMember> member) {
            index.removed(cluster, member.contribution());
        }
    }
}
