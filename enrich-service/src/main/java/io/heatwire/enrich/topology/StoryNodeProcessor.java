package io.heatwire.enrich.topology;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.article.story.Story;
import io.heatwire.article.story.StoryKind;
import io.heatwire.article.story.StoryMerge;

/**
 * One story id's node in the story graph (see docs/architecture.md).
 *
 * <ul>
 * <li>Stories (SPEC 6): merges the versions of its story and publishes it when — and only when —
 * what it publishes changes, so re-publishing a document writes nothing.</li>
 * <li>Identity (SPEC 5): resolves aliases whichever of the article and the reference arrives
 * first. An id that was a REFERENCE story and turns out to be an alias is retired: its story gets
 * a tombstone and its neighbours are rewired to the owner.</li>
 * <li>Clusters (SPEC 7): label propagation. A node links to its neighbours (related references in
 * both directions, alias links between articles) and keeps the smallest story id it has heard of
 * as its label, the cluster id; a node whose label drops tells its neighbours. A retired id floods
 * a reset through its component, since a label can otherwise only drop.</li>
 * </ul>
 *
 * <p>Everything a node knows is in its own store entry, keyed by its id, so the work spreads over
 * the partitions of the story-events topic and over instances.
 */
final class StoryNodeProcessor implements Processor<String, NodeEvent, String, NodeOutput> {

    /** The names of the stores this processor uses. */
    record Stores(String nodes, String contents, String written, String dirty) {
    }

    private final Stores stores;
    private final Duration writeInterval;
    private final boolean clustering;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, NodeOutput> context;
    private KeyValueStore<String, StoryNode> nodes;
    private KeyValueStore<String, Story> contents;
    private KeyValueStore<String, WrittenStory> written;
    private KeyValueStore<String, Long> dirty;
    /**
     * What the dirty store holds, in memory: the interval's writes never scan the store, whose
     * deleted entries a RocksDB iterator would have to step over (a scan per interval grew with
     * every story ever written). Rebuilt from the store when the task starts.
     */
    private final SortedMap<String, Long> pending = new TreeMap<>();

    /**
     * @param writeInterval how often the stories that changed are written: while a cluster builds,
     *                      a story's label can drop many times; its record is written once per
     *                      interval, with the label it has then
     * @param clustering    false: every story is its own cluster and nodes never talk to each other
     *                      (the benchmark's ceiling, see {@code EnrichSettings#clustering})
     */
    StoryNodeProcessor(Stores stores, Duration writeInterval, boolean clustering, PipelineMetrics metrics) {
        this.stores = stores;
        this.writeInterval = writeInterval;
        this.clustering = clustering;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, NodeOutput> context) {
        this.context = context;
        this.nodes = context.getStateStore(stores.nodes());
        this.contents = context.getStateStore(stores.contents());
        this.written = context.getStateStore(stores.written());
        this.dirty = context.getStateStore(stores.dirty());
        pending.clear();
        try (KeyValueIterator<String, Long> all = dirty.all()) {
            all.forEachRemaining(entry -> pending.put(entry.key, entry.value));
        }
        context.schedule(writeInterval, PunctuationType.WALL_CLOCK_TIME, this::writeChanged);
    }

    @Override
    public void process(Record<String, NodeEvent> record) {
        final String id = record.key();
        final StoryNode before = Objects.requireNonNullElse(nodes.get(id), StoryNode.EMPTY);
        final Update update = new Update(id, before, record.timestamp());
        final NodeEvent event = record.value();
        if (event instanceof NodeEvent.StoryVersion version) {
            update.onVersion(version);
        } else if (event instanceof NodeEvent.AliasClaim claim) {
            update.onClaim(claim.owner());
        } else if (event instanceof NodeEvent.Rewire rewire) {
            update.onRewire(rewire.reference(), rewire.resolvedTo());
        } else if (event instanceof NodeEvent.Label label) {
            update.onLabel(label.from(), label.label());
        } else {
            update.onReset(((NodeEvent.Reset) event).label());
        }
        final StoryNode after = update.finish();
        if (!after.equals(before)) {
            nodes.put(id, after);
        }
        if ((update.contentChanged || before.publishesDifferently(after)) && !pending.containsKey(id)) {
            // The record timestamp travels unchanged from the raw record through every node event.
            dirty.put(id, record.timestamp());
            pending.put(id, record.timestamp());
        }
    }

    /**
     * Writes every story whose published form changed since it was last written, and tells the
     * cluster, provider and topic processors what changed (from what was written to what is now).
     */
    void writeChanged(long now) {
        if (pending.isEmpty()) {
            return;
        }
        // One by one: should a write fail, the stories after it stay pending for the next interval.
        final List<String> changed = new ArrayList<>(pending.keySet());
        final List<NodeOutput.Membership> memberships = new ArrayList<>();
        for (String id : changed) {
            final long changedAt = pending.remove(id);
            dirty.delete(id);
            final StoryNode node = nodes.get(id);
            final Story published = node == null ? null : node.published(contents.get(id));
            final WrittenStory last = written.get(id);
            final String digest = published == null ? null : digest(published);
            if (Objects.equals(last == null ? null : last.digest(), digest)) {
                continue;
            }
            emit(id, new NodeOutput.StoryUpdate(published), now);
            metrics.endToEnd(changedAt, now);
            final ClusterMember memberBefore = last == null ? null : last.member();
            final ClusterMember member = published == null ? null : ClusterMember.of(published);
            final String clusterBefore = last == null ? null : last.clusterId();
            final String cluster = published == null ? null : published.clusterId();
            if (!Objects.equals(memberBefore, member) || !Objects.equals(clusterBefore, cluster)) {
                memberships.add(new NodeOutput.Membership(clusterBefore, memberBefore, cluster, member));
            }
            if (published == null) {
                written.delete(id);
            } else {
                written.put(id, new WrittenStory(digest, cluster, member));
            }
        }
        if (!memberships.isEmpty()) {
            // One record: the cluster, provider and topic processors get the changes batched by key.
            emit(changed.get(0), new NodeOutput.Memberships(memberships), now);
        }
    }

    /** SHA-256 of the story's JSON: equal digests, equal records on the stories topic. */
    private static String digest(Story story) {
        try {
            final byte[] json = JsonSerdes.mapper().writeValueAsBytes(story);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private void emit(String key, NodeOutput output, long timestamp) {
        context.forward(new Record<>(key, output, timestamp, new RecordHeaders()));
    }

    /** The changes one event makes to one node, and the events it sends. */
    private final class Update {

        private final String id;
        private final long timestamp;
        private StoryKind kind;
        private List<String> related;
        /** Whether this event changed the merged story in the story-contents store. */
        private boolean contentChanged;
        private String aliasOf;
        private final SortedSet<String> claimants;
        private final SortedSet<String> referrers;
        private final SortedMap<String, String> resolved;
        private final SortedSet<String> neighbours;
        private String label;
        private final SortedSet<String> retired;
        /** Neighbours that must hear this node's label, whatever else happens. */
        private final SortedSet<String> toTell = new TreeSet<>();
        /** The neighbour whose label message this is, and the label it sent: no need to echo it. */
        private String sender;
        private String senderLabel;
        private final String labelBefore;

        Update(String id, StoryNode node, long timestamp) {
            this.id = id;
            this.timestamp = timestamp;
            this.kind = node.kind();
            this.related = node.related();
            this.aliasOf = node.aliasOf();
            this.claimants = new TreeSet<>(node.claimants());
            this.referrers = new TreeSet<>(node.referrers());
            this.resolved = new TreeMap<>(node.resolved());
            this.neighbours = new TreeSet<>(node.neighbours());
            this.label = node.label();
            this.retired = new TreeSet<>(node.retired());
            this.labelBefore = node.label();
        }

        void onVersion(NodeEvent.StoryVersion version) {
            final String referrer = version.referrer();
            final boolean newReferrer = clustering && referrer != null && referrers.add(referrer);
            if (aliasOf != null && version.story().kind() == StoryKind.REFERENCE) {
                // A reference to an alias is a reference to its owner; the owner's own ARTICLE
                // version is on its way from the claiming document, so the reference adds nothing.
                if (newReferrer) {
                    send(referrer, new NodeEvent.Rewire(id, aliasOf));
                }
                return;
            }
            final Story current = contents.get(id);
            final Story merged = StoryMerge.merge(current, version.story());
            if (!merged.equals(current)) {
                contents.put(id, merged);
                contentChanged = true;
            }
            kind = merged.kind();
            related = merged.related();
            if (aliasOf != null) {
                // An article's own id is never an alias: its referrers resolve to it again.
                aliasOf = null;
                referrers.forEach(r -> send(r, new NodeEvent.Rewire(id, id)));
            }
        }

        void onClaim(String owner) {
            claimants.add(owner);
            if (kind == StoryKind.ARTICLE) {
                return; // an alias link between two articles: connect() links the claimant
            }
            final String smallest = claimants.first();
            if (smallest.equals(aliasOf)) {
                return;
            }
            final boolean wasStory = kind != null && aliasOf == null;
            aliasOf = smallest;
            final SortedSet<String> linked = new TreeSet<>(neighbours);
            linked.addAll(referrers);
            linked.remove(id);
            linked.forEach(n -> send(n, new NodeEvent.Rewire(id, smallest)));
            if (wasStory) {
                // This id was a label candidate; no node may keep it.
                retired.add(id);
                neighbours.forEach(n -> send(n, new NodeEvent.Reset(id)));
            }
            neighbours.clear();
            label = null;
        }

        void onRewire(String reference, String resolvedTo) {
            if (reference.equals(resolvedTo)) {
                resolved.remove(reference);
            } else {
                resolved.put(reference, resolvedTo);
            }
            if (aliasOf != null) {
                return;
            }
            if (neighbours.remove(reference) && !related.contains(reference)) {
                // linked through the graph only, not by this node's own references
                link(resolvedTo);
            }
        }

        void onLabel(String from, String candidate) {
            if (aliasOf != null) {
                // A neighbour still links to this alias: point it at the owner.
                send(from, new NodeEvent.Rewire(id, aliasOf));
                return;
            }
            sender = from;
            senderLabel = candidate;
            if (neighbours.add(from)) {
                toTell.add(from);
            }
            if (isValid(candidate) && (label == null || candidate.compareTo(label) < 0)) {
                label = candidate;
            } else if (label != null && !label.equals(candidate)) {
                toTell.add(from); // it knows a larger (or a retired) label: correct it
            }
        }

        void onReset(String gone) {
            if (aliasOf != null || !retired.add(gone)) {
                return;
            }
            neighbours.forEach(n -> send(n, new NodeEvent.Reset(gone)));
            if (gone.equals(label)) {
                label = null;
            }
            // Whether or not this node held it, its neighbours may have: they relearn from here.
            toTell.addAll(neighbours);
        }

        StoryNode finish() {
            connect();
            final boolean labelChanged = !Objects.equals(label, labelBefore);
            final SortedSet<String> audience = labelChanged ? neighbours : toTell;
            for (String neighbour : audience) {
                final boolean echo = neighbour.equals(sender) && Objects.equals(label, senderLabel);
                if (!echo) {
                    send(neighbour, new NodeEvent.Label(id, label));
                }
            }
            return new StoryNode(kind, related, aliasOf, claimants, referrers, resolved, neighbours, label, retired);
        }

        /**
         * Links every neighbour this node's own story implies (its references, its referrers, the
         * articles that claim it as an alias) and makes its own id a label candidate.
         */
        private void connect() {
            if (kind == null || aliasOf != null) {
                return;
            }
            if (!clustering) {
                label = id;
                return;
            }
            for (String referrer : referrers) {
                link(referrer);
            }
            if (kind == StoryKind.ARTICLE) {
                for (String reference : related) {
                    link(resolved.getOrDefault(reference, reference));
                }
                claimants.forEach(this::link);
            }
            if (isValid(id) && (label == null || id.compareTo(label) < 0)) {
                label = id;
            }
        }

        private void link(String neighbour) {
            if (!neighbour.equals(id) && neighbours.add(neighbour)) {
                toTell.add(neighbour);
            }
        }

        private boolean isValid(String candidate) {
            return candidate != null && !retired.contains(candidate);
        }

        private void send(String to, NodeEvent event) {
            emit(to, new NodeOutput.ToNode(event), timestamp);
        }
    }
}
