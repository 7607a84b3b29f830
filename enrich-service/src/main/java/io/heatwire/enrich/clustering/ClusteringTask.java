package io.heatwire.enrich.clustering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.ToIntFunction;

import io.heatwire.enrich.clustering.Effects.ClusterRecord;
import io.heatwire.enrich.clustering.Effects.ClusterUpdate;
import io.heatwire.enrich.clustering.Effects.Outgoing;
import io.heatwire.enrich.clustering.Effects.StoryUpdate;
import io.heatwire.enrich.clustering.Message.Adopt;
import io.heatwire.enrich.clustering.Message.Batch;
import io.heatwire.enrich.clustering.Message.Bounce;
import io.heatwire.enrich.clustering.Message.Claim;
import io.heatwire.enrich.clustering.Message.Ingest;
import io.heatwire.enrich.clustering.Message.Item;
import io.heatwire.enrich.clustering.Message.Link;
import io.heatwire.enrich.clustering.Message.Linked;
import io.heatwire.enrich.clustering.Message.RefVersion;
import io.heatwire.enrich.clustering.Message.Reg;
import io.heatwire.enrich.clustering.Message.Rename;
import io.heatwire.enrich.clustering.Message.Retired;
import io.heatwire.enrich.clustering.Message.Settle;
import io.heatwire.enrich.clustering.Message.Union;

/**
 * The clustering state machine of one partition of the clustering topic (see {@code package-info}).
 * It owns the nodes and clusters whose keys the partitioner maps to {@code partition}, keeps all its
 * state in the three stores, and never reads a clock: time is passed in.
 *
 * <p>A caller must: call {@link #init()} once after the stores are restored; call
 * {@link #process} for every record of its input partition, in offset order; call
 * {@link #punctuate} periodically (every few tens of milliseconds); and commit the effects of each
 * call atomically with the store writes and the input offset. Not thread-safe (one per task).
 */
public final class ClusteringTask<C, A> {

    private final int partition;
    private final ToIntFunction<String> partitioner;
    private final Store<String, Node<C>> nodes;
    private final Store<String, Cluster<C, A>> clusters;
    private final Store<MemberKey, Member<C>> members;
    private final BinaryOperator<StoryFacts<C>> merge;
    private final Aggregator<C, A> aggregator;
    private final Settings settings;
    private final RosterIndex<C> index;

    /** The outbox: keys whose record says something must still be sent or written. */
    private final Set<String> pendingNodes = new TreeSet<>();

    private final Set<String> pendingClusters = new TreeSet<>();

    private List<Outgoing<C>> messages = new ArrayList<>();
    private List<StoryUpdate<C>> storyUpdates = new ArrayList<>();
    private List<ClusterUpdate<C, A>> clusterUpdates = new ArrayList<>();

    /**
     * @param partitioner partition of a key, the same function for every task (in production the
     *                    default producer partitioner: murmur2 of the key bytes modulo the partition
     *                    count, which must never change)
     * @param merge       story merge (ARTICLE beats REFERENCE, newer version wins), total and idempotent
     */
    public ClusteringTask(
            int partition,
            ToIntFunction<String> partitioner,
            Store<String, Node<C>> nodes,
            Store<String, Cluster<C, A>> clusters,
            Store<MemberKey, Member<C>> members,
            BinaryOperator<StoryFacts<C>> merge,
            Aggregator<C, A> aggregator,
            Settings settings) {
        this(partition, partitioner, nodes, clusters, members, merge, aggregator, settings, RosterIndex.none());
    }

    /**
     * @param index told of every member that enters or leaves a spilled roster (or changes what it
     *              counts there), so the caller can keep ordered indexes keyed by cluster key
     */
    public ClusteringTask(
            int partition,
            ToIntFunction<String> partitioner,
            Store<String, Node<C>> nodes,
            Store<String, Cluster<C, A>> clusters,
            Store<MemberKey, Member<C>> members,
            BinaryOperator<StoryFacts<C>> merge,
            Aggregator<C, A> aggregator,
            Settings settings,
            RosterIndex<C> index) {
        this.index = Objects.requireNonNull(index, "index");
        this.partition = partition;
        this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.members = Objects.requireNonNull(members, "members");
        this.merge = Objects.requireNonNull(merge, "merge");
        this.aggregator = Objects.requireNonNull(aggregator, "aggregator");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Rebuilds the outbox from the stores; call after restore, before the first record. */
    public void init() {
        pendingNodes.clear();
        pendingClusters.clear();
        nodes.scan((id, node) -> {
            if (node.needsFlush(id)) {
                pendingNodes.add(id);
            }
        });
        clusters.scan((key, cluster) -> {
            if (cluster.needsFlush()) {
                pendingClusters.add(key);
            }
        });
    }

    /** The key a message must be written under, {@code null} for a batch (explicit partition). */
    public static String keyOf(Message<?> message) {
        if (message instanceof Ingest<?> ingest) {
            return ingest.article().id();
        } else if (message instanceof RefVersion<?> ref) {
            return ref.id();
        } else if (message instanceof Claim<?> claim) {
            return claim.id();
        } else if (message instanceof Union<?> union) {
            return union.target().key();
        } else if (message instanceof Link<?> link) {
            return link.parent();
        } else if (message instanceof Retired<?> retired) {
            return retired.cluster();
        } else if (message instanceof Linked<?> linked) {
            return linked.child();
        }
        return null;
    }

    /** Handles one input record; {@code now} is its timestamp. */
    public Effects<C, A> process(String key, Message<C> message, long now) {
        if (!Objects.equals(key, keyOf(message))) {
            throw new IllegalArgumentException("record key " + key + " does not match its message " + message);
        }
        if (message instanceof Batch<C> batch) {
            onBatch(batch, now);
        } else {
            requireOwned(key);
            if (message instanceof Ingest<C> ingest) {
                onIngest(ingest.article(), now);
            } else if (message instanceof RefVersion<C> ref) {
                onRefVersion(ref);
            } else if (message instanceof Claim<C> claim) {
                onClaim(claim);
            } else if (message instanceof Union<C> union) {
                onUnion(union);
            } else if (message instanceof Link<C> link) {
                onLink(link);
            } else if (message instanceof Retired<C> retired) {
                onRetired(retired);
            } else if (message instanceof Linked<C> linked) {
                onLinked(linked);
            }
        }
        return drain();
    }

    /** Flushes the outbox: fan-out batched per destination partition, story and cluster records. */
    public Effects<C, A> punctuate(long now) {
        final Map<Integer, List<Item<C>>> items = new TreeMap<>();
        for (String id : List.copyOf(pendingNodes)) {
            flushNode(id, now, items);
        }
        for (String key : List.copyOf(pendingClusters)) {
            flushCluster(key, items);
        }
        items.forEach((p, list) -> messages.add(new Outgoing<>(p, null, new Batch<>(p, list))));
        return drain();
    }

    // ---- articles and edges -------------------------------------------------------------------

    private void onIngest(ArticleInput<C> article, long now) {
        final String u = article.id();
        final Node<C> old = node(u);
        final StoryFacts<C> merged = mergeFacts(old.facts(), article.article());
        final boolean factsChanged = !merged.equals(old.facts());
        final Set<String> newRelated =
                minus(article.related().keySet(), old.related().keySet());
        // a reference version is forwarded once, and only if newer than what this article forwarded
        final Map<String, StoryFacts<C>> toForward = new TreeMap<>();
        article.related().forEach((ref, facts) -> {
            final Long forwarded = old.related().get(ref);
            if (forwarded == null || facts.version() > forwarded) {
                toForward.put(ref, facts);
            }
        });
        final Set<String> newAliases = minus(article.aliases(), old.aliases());
        if (!factsChanged && toForward.isEmpty() && newAliases.isEmpty()) {
            return; // the same document again (or an older one): nothing to write, nothing to send
        }
        final NodeDraft<C> n = new NodeDraft<>(old);
        n.facts = merged;
        n.contentChanged |= factsChanged;
        toForward.forEach((ref, facts) -> n.related.put(ref, facts.version()));
        n.aliases.addAll(newAliases);
        n.awaitingSettle = false;
        if (n.root == null) {
            // only an article at a new id creates a cluster; it counts its own story in place
            final ClusterDraft<C, A> c = new ClusterDraft<>(Cluster.fresh(u, now, aggregator.empty()));
            final StoryOrder order = merged.order(u);
            c.aggregate = aggregator.add(c.aggregate, merged.contribution());
            putMember(c, u, new Member<>(order, merged.contribution(), u));
            c.membersEver = 1;
            c.pid = order;
            c.dirty = true;
            saveCluster(c);
            n.root = c.hint();
            n.sent = new Registration<>(u, merged.contribution(), order);
            n.clusterId = u;
        } else if (old.sent() == null) {
            n.clusterId = n.root.guess(); // a hub, a retired id or a reference that never registered
        }
        toForward.forEach((ref, facts) -> send(ref, new RefVersion<>(ref, u, facts, n.root)));
        for (String alias : newAliases) {
            send(alias, new Claim<>(alias, u, n.root));
        }
        if (!newRelated.isEmpty()) {
            if (n.toSettle.isEmpty()) {
                n.settleDue = now + settings.settleDelay();
            }
            n.toSettle.addAll(newRelated);
        }
        saveNode(u, n);
    }

    private void onRefVersion(RefVersion<C> ref) {
        final Node<C> old = node(ref.id());
        final StoryFacts<C> merged = mergeFacts(old.facts(), ref.facts());
        final boolean changed = !merged.equals(old.facts());
        final NodeDraft<C> n = new NodeDraft<>(old);
        n.facts = merged;
        n.contentChanged |= changed;
        final boolean joined = joinGraph(n, ref.hint());
        if (changed || joined) {
            saveNode(ref.id(), n);
        }
    }

    private void onClaim(Claim<C> claim) {
        final String id = claim.id();
        final Node<C> old = node(id);
        final NodeDraft<C> n = new NodeDraft<>(old);
        final boolean added = n.claimants.add(claim.owner());
        final boolean joined = joinGraph(n, claim.hint());
        if (old.isStory() && !n.build().isStory()) {
            // a REFERENCE story turned out to be an alias: it retires at the next flush (tombstone,
            // unregister); a story that never registered cannot be anybody's pid
            n.retiring = !old.awaitingSettle();
            n.awaitingSettle = false;
        }
        if (added || joined) {
            saveNode(id, n);
        }
    }

    /** Puts the id into the graph or, if it is already in another tree, asks for the trees to join. */
    private boolean joinGraph(NodeDraft<C> n, Hint hint) {
        if (n.root == null) {
            n.root = hint;
            n.awaitingSettle = n.build().isStory(); // a new reference: it registers when settled
            return true;
        }
        if (!n.root.key().equals(hint.key())) {
            union(n.root, hint);
        }
        return false;
    }

    /** Sends the union to the side presumed to have the smaller Φ. */
    private void union(Hint a, Hint b) {
        if (a.key().equals(b.key())) {
            return;
        }
        if (a.rank().compareTo(b.rank()) < 0) {
            send(a.key(), new Union<>(a, b));
        } else {
            send(b.key(), new Union<>(b, a));
        }
    }

    // ---- clusters -----------------------------------------------------------------------------

    private void onUnion(Union<C> union) {
        final ClusterDraft<C, A> c = cluster(union.target().key());
        final Hint other = union.other();
        if (other.key().equals(c.key)) {
            return;
        }
        if (!c.isRoot()) {
            union(c.parent, other); // chase the forward pointer
            return;
        }
        if (c.rank().compareTo(other.rank()) >= 0) {
            union(c.hint(), other); // grew meanwhile (or was never smaller): the other side links
            return;
        }
        // link under a strictly larger carried Φ; ours freezes now, so pointers never cycle
        final Set<StoryOrder> handOver = new TreeSet<>(c.expected);
        if (c.pid != null) {
            handOver.add(c.pid);
        }
        send(other.key(), new Link<>(other.key(), c.key, handOver, Set.copyOf(c.published)));
        c.parent = other;
        c.expected.clear();
        c.published.clear();
        c.pidChanged = false;
        c.toRename.clear();
        c.dirty = false;
        c.adoptPending = c.size > 0;
        saveCluster(c);
    }

    private void onLink(Link<C> link) {
        final ClusterDraft<C, A> c = cluster(link.parent());
        if (!c.isRoot()) {
            send(c.parent.key(), new Link<>(c.parent.key(), link.child(), link.expected(), link.published()));
            return;
        }
        c.published.addAll(link.published());
        for (StoryOrder order : link.expected()) {
            if (member(c, order.id()) == null) {
                c.expected.removeIf(e -> e.id().equals(order.id()));
                c.expected.add(order);
                lowerPid(c, order);
            }
        }
        c.dirty = true;
        saveCluster(c);
        send(link.child(), new Linked<>(link.child(), c.hint()));
    }

    private void onLinked(Linked<C> linked) {
        final ClusterDraft<C, A> c = cluster(linked.child());
        if (c.isRoot() || c.confirmed) {
            throw new IllegalStateException("cluster " + c.key + " confirmed twice or never linked");
        }
        // the root is an ancestor of the old parent: Φ still increases along the pointer
        c.parent = linked.root();
        c.confirmed = true;
        saveCluster(c);
    }

    private void onRetired(Retired<C> retired) {
        final ClusterDraft<C, A> c = cluster(retired.cluster());
        if (!c.isRoot()) {
            send(c.parent.key(), new Retired<>(c.parent.key(), retired.story()));
            return;
        }
        final boolean forgot = c.expected.removeIf(e -> e.id().equals(retired.story()));
        if (c.pid != null && c.pid.id().equals(retired.story())) {
            recomputePid(c);
        }
        if (forgot || c.dirty) {
            saveCluster(c);
        }
    }

    private void onReg(Reg<C> reg) {
        final ClusterDraft<C, A> c = cluster(reg.cluster());
        final Member<C> counted = member(c, reg.story());
        if (reg.retired() && !c.isRoot()) {
            // after this cluster's link, so the notice reaches the root after the pid it hands over
            send(c.parent.key(), new Retired<>(c.parent.key(), reg.story()));
        }
        if (counted == null && !c.isRoot()) {
            if (reg.add() != null) {
                c.toBounce.add(reg.story()); // never counted here: it must go to the parent
                saveCluster(c);
            }
            return; // a removal of what was never counted here: its addition was bounced
        }
        if (reg.remove() != null) {
            if (counted == null || !counted.contribution().equals(reg.remove())) {
                throw new IllegalStateException(
                        "cluster " + c.key + " asked to remove a contribution of " + reg.story() + " it never counted");
            }
            c.aggregate = aggregator.remove(c.aggregate, reg.remove());
        } else if (counted != null) {
            throw new IllegalStateException("cluster " + c.key + " asked to count " + reg.story() + " twice");
        }
        if (reg.add() != null) {
            c.aggregate = aggregator.add(c.aggregate, reg.add());
            // while counted here, a story's cluster id changes only by this cluster's renames, so
            // what the roster last told it is what it will believe; only a newcomer says its own
            final String belief = counted == null ? reg.assumedPid() : counted.belief();
            putMember(c, reg.story(), new Member<>(reg.order(), reg.add(), belief));
        } else {
            removeMember(c, reg.story());
        }
        if (c.isRoot()) {
            if (counted == null) {
                c.membersEver++;
            }
            if (counted == null || reg.retired()) {
                c.expected.removeIf(e -> e.id().equals(reg.story()));
            }
            if (c.pid != null
                    && c.pid.id().equals(reg.story())
                    && (reg.add() == null || reg.order().compareTo(c.pid) > 0)) {
                recomputePid(c); // the earliest member left or became later
            } else if (reg.add() != null) {
                lowerPid(c, reg.order());
            }
            if (reg.add() != null
                    && c.pid != null
                    && !c.pid.id().equals(member(c, reg.story()).belief())) {
                c.toRename.add(reg.story());
            }
            c.dirty = true;
        }
        saveCluster(c);
    }

    private void lowerPid(ClusterDraft<C, A> c, StoryOrder candidate) {
        final StoryOrder earliest = StoryOrder.earliest(c.pid, candidate);
        if (!earliest.equals(c.pid)) {
            c.pid = earliest;
            c.pidChanged = true;
            c.dirty = true;
        }
    }

    /** Rare (the pid story retired or became later): a scan of the roster. */
    private void recomputePid(ClusterDraft<C, A> c) {
        final StoryOrder[] earliest = {c.expected.isEmpty() ? null : c.expected.first()};
        forEachMember(c, (id, m) -> earliest[0] = StoryOrder.earliest(earliest[0], m.order()));
        if (!Objects.equals(earliest[0], c.pid)) {
            c.pid = earliest[0];
            c.pidChanged = true;
            c.dirty = true;
        }
    }

    // ---- stories ------------------------------------------------------------------------------

    private void onBatch(Batch<C> batch, long now) {
        if (batch.partition() != partition) {
            throw new IllegalStateException("batch for partition " + batch.partition() + " reached " + partition);
        }
        final Set<String> moved = new TreeSet<>();
        for (Item<C> item : batch.items()) {
            requireOwned(item.key());
            if (item instanceof Reg<C> reg) {
                onReg(reg);
            } else if (item instanceof Adopt<C> adopt) {
                onMove(adopt.story(), adopt.from(), adopt.to(), adopt.guess(), false, moved);
            } else if (item instanceof Bounce<C> bounce) {
                onMove(bounce.story(), bounce.from(), bounce.to(), null, true, moved);
            } else if (item instanceof Rename<C> rename) {
                onRename(rename);
            } else if (item instanceof Settle<C> settle) {
                onSettle(settle, moved);
            }
        }
        // a story that moved or settled registers at once: its node is written once for both,
        // where a flush at the next punctuation would write it again, usually in another commit
        final Map<Integer, List<Item<C>>> items = new TreeMap<>();
        for (String id : moved) {
            if (pendingNodes.contains(id)) {
                flushNode(id, now, items);
            }
        }
        items.forEach((p, list) -> messages.add(new Outgoing<>(p, null, new Batch<>(p, list))));
    }

    /**
     * The cluster the story last registered at has linked: it moves to the parent. After an adopt it
     * was counted there and removes itself, and publishes the guess (the pid of the merged pair, as
     * the link saw it: usually right, so the root rarely renames it); after a bounce it never was.
     */
    private void onMove(String id, String from, Hint to, String guess, boolean bounced, Set<String> moved) {
        final Node<C> old = node(id);
        if (old.sent() == null || !old.sent().cluster().equals(from)) {
            return; // it has moved on already
        }
        final NodeDraft<C> n = new NodeDraft<>(old);
        if (bounced) {
            n.sent = null;
        }
        n.root = to;
        if (!bounced) {
            n.clusterId = guess;
        }
        saveNode(id, n);
        moved.add(id);
    }

    private void onRename(Rename<C> rename) {
        final Node<C> old = node(rename.story());
        if (old.sent() == null
                || !old.sent().cluster().equals(rename.cluster())
                || !old.root().key().equals(rename.cluster())
                || rename.pid().equals(old.clusterId())) {
            return;
        }
        final NodeDraft<C> n = new NodeDraft<>(old);
        n.clusterId = rename.pid();
        if (old.isStory()) {
            // a rename changes nothing but the published cluster id: write the story now rather
            // than at the next flush, which would write the node a second time for it
            storyUpdates.add(new StoryUpdate<>(rename.story(), n.clusterId, n.facts));
            n.shown = n.clusterId;
            n.contentChanged = false;
        }
        saveNode(rename.story(), n);
    }

    private void onSettle(Settle<C> settle, Set<String> moved) {
        final Node<C> old = node(settle.story());
        if (!old.awaitingSettle()) {
            return;
        }
        final NodeDraft<C> n = new NodeDraft<>(old);
        n.awaitingSettle = false;
        n.root = settle.to();
        n.clusterId = settle.guess();
        saveNode(settle.story(), n);
        moved.add(settle.story());
    }

    // ---- outbox -------------------------------------------------------------------------------

    private void flushNode(String id, long now, Map<Integer, List<Item<C>>> items) {
        final Node<C> node = nodes.get(id);
        final NodeDraft<C> n = new NodeDraft<>(node);
        if (!n.toSettle.isEmpty() && now >= n.settleDue) {
            // the article's own cluster (same key, same task) knows best where the article is going:
            // once it has linked, its references go straight to the root that accepted it
            final Cluster<C, A> own = n.root.key().equals(id) ? clusters.get(id) : null;
            if (own == null || own.isRoot() || own.confirmed()) {
                final Hint target = own == null || own.isRoot() ? n.root : own.parent();
                final String guess = target == n.root && n.clusterId != null ? n.clusterId : target.guess();
                for (String ref : n.toSettle) {
                    item(items, new Settle<>(ref, target, guess));
                }
                n.toSettle.clear();
            }
        }
        final Registration<C> want = node.want(id);
        final Registration<C> sent = node.sent();
        final boolean retired = n.retiring && !node.isStory();
        if (retired && sent == null) {
            // registered nowhere right now (bounced): the notice follows its root pointer instead
            send(n.root.key(), new Retired<>(n.root.key(), id));
        }
        n.retiring = false;
        if (!Objects.equals(want, sent)) {
            // only the story moves its registration: "-old at old, +new at new", in send order
            if (sent != null && want != null && sent.cluster().equals(want.cluster())) {
                item(
                        items,
                        new Reg<>(
                                want.cluster(),
                                id,
                                sent.contribution(),
                                want.contribution(),
                                want.order(),
                                n.clusterId,
                                false));
            } else {
                if (sent != null) {
                    item(
                            items,
                            new Reg<>(
                                    sent.cluster(), id, sent.contribution(), null, sent.order(), n.clusterId, retired));
                }
                if (want != null) {
                    item(
                            items,
                            new Reg<>(want.cluster(), id, null, want.contribution(), want.order(), n.clusterId, false));
                }
            }
            n.sent = want;
        }
        if (node.isStory() && n.clusterId != null) {
            if (n.contentChanged || !n.clusterId.equals(n.shown)) {
                storyUpdates.add(new StoryUpdate<>(id, n.clusterId, n.facts));
                n.shown = n.clusterId;
            }
            n.contentChanged = false;
        } else if (!node.isStory()) {
            if (n.shown != null) {
                storyUpdates.add(new StoryUpdate<>(id, null, null));
                n.shown = null;
            }
            n.contentChanged = false;
        }
        final Node<C> flushed = n.build();
        if (!flushed.equals(node)) {
            nodes.put(id, flushed);
        }
        if (!flushed.needsFlush(id)) {
            pendingNodes.remove(id);
        }
    }

    private void flushCluster(String key, Map<Integer, List<Item<C>>> items) {
        final ClusterDraft<C, A> c = new ClusterDraft<>(clusters.get(key));
        if (c.isRoot()) {
            final String pid = c.pid == null ? null : c.pid.id();
            if (pid != null && (c.pidChanged || !c.toRename.isEmpty())) {
                final Map<String, Member<C>> renamed = new TreeMap<>();
                if (c.pidChanged) {
                    forEachMember(c, (id, m) -> {
                        if (!pid.equals(m.belief())) {
                            renamed.put(id, m);
                        }
                    });
                } else {
                    for (String id : c.toRename) {
                        final Member<C> m = member(c, id);
                        if (m != null && !pid.equals(m.belief())) {
                            renamed.put(id, m);
                        }
                    }
                }
                renamed.forEach((id, m) -> {
                    item(items, new Rename<>(id, key, pid));
                    putMember(c, id, new Member<>(m.order(), m.contribution(), pid));
                });
            }
            c.pidChanged = false;
            c.toRename.clear();
            if (c.dirty) {
                for (String id : c.published) {
                    if (!id.equals(pid)) {
                        clusterUpdates.add(new ClusterUpdate<>(id, null));
                    }
                }
                c.published.clear();
                if (pid != null) {
                    clusterUpdates.add(new ClusterUpdate<>(
                            pid, new ClusterRecord<>(key, pid, c.size, c.aggregate, c.spilled ? null : inline(c))));
                    c.published.add(pid);
                }
                c.dirty = false;
            }
        } else {
            final StoryOrder earliest = StoryOrder.earliest(c.pid, c.parent.pid());
            final String guess = earliest == null ? c.parent.key() : earliest.id();
            if (c.confirmed) {
                if (c.adoptPending) {
                    forEachMember(c, (id, m) -> item(items, new Adopt<>(id, key, c.parent, guess)));
                    c.adoptPending = false;
                }
                for (String id : c.toBounce) {
                    item(items, new Bounce<>(id, key, c.parent));
                }
                c.toBounce.clear();
            }
        }
        final Cluster<C, A> flushed = c.build();
        clusters.put(key, flushed);
        if (!flushed.needsFlush()) {
            pendingClusters.remove(key);
        }
    }

    private void item(Map<Integer, List<Item<C>>> items, Item<C> item) {
        items.computeIfAbsent(partitioner.applyAsInt(item.key()), p -> new ArrayList<>())
                .add(item);
    }

    // ---- roster: inline while small, the ordered member index beyond -------------------------

    private Member<C> member(ClusterDraft<C, A> c, String id) {
        return c.spilled ? members.get(new MemberKey(c.key, id)) : c.inline.get(id);
    }

    private void putMember(ClusterDraft<C, A> c, String id, Member<C> m) {
        final Member<C> old = member(c, id);
        if (c.spilled) {
            if (old == null
                    || !old.order().equals(m.order())
                    || !old.contribution().equals(m.contribution())) {
                if (old != null) {
                    index.removed(c.key, id, old);
                }
                index.added(c.key, id, m);
            }
            if (old == null) {
                c.size++;
            }
            members.put(new MemberKey(c.key, id), m);
            return;
        }
        if (c.inline.put(id, m) == null) {
            c.size++;
        }
        if (c.inline.size() > settings.inlineMembers()) {
            c.inline.forEach((member, value) -> {
                members.put(new MemberKey(c.key, member), value);
                index.added(c.key, member, value);
            });
            c.inline.clear();
            c.spilled = true;
        }
    }

    private static <C, A> List<C> inline(ClusterDraft<C, A> c) {
        final List<C> contributions = new ArrayList<>(c.inline.size());
        c.inline.values().forEach(member -> contributions.add(member.contribution()));
        return contributions;
    }

    private void removeMember(ClusterDraft<C, A> c, String id) {
        if (c.spilled) {
            final Member<C> old = member(c, id);
            if (old != null) {
                index.removed(c.key, id, old);
            }
            members.delete(new MemberKey(c.key, id));
        } else {
            c.inline.remove(id);
        }
        c.size--;
    }

    private void forEachMember(ClusterDraft<C, A> c, BiConsumer<String, Member<C>> visitor) {
        if (c.spilled) {
            final List<MemberKey> keys = new ArrayList<>();
            final List<Member<C>> values = new ArrayList<>();
            members.range(MemberKey.first(c.key), MemberKey.last(c.key), (k, v) -> {
                keys.add(k);
                values.add(v);
            });
            for (int i = 0; i < keys.size(); i++) {
                visitor.accept(keys.get(i).member(), values.get(i));
            }
        } else {
            new TreeMap<>(c.inline).forEach(visitor);
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private StoryFacts<C> mergeFacts(StoryFacts<C> current, StoryFacts<C> incoming) {
        return current == null ? incoming : merge.apply(current, incoming);
    }

    private Node<C> node(String id) {
        final Node<C> node = nodes.get(id);
        return node != null ? node : Node.empty();
    }

    private void saveNode(String id, NodeDraft<C> draft) {
        final Node<C> node = draft.build();
        nodes.put(id, node);
        if (node.needsFlush(id)) {
            pendingNodes.add(id);
        }
    }

    private ClusterDraft<C, A> cluster(String key) {
        final Cluster<C, A> cluster = clusters.get(key);
        if (cluster == null) {
            throw new IllegalStateException("no cluster " + key + " in partition " + partition);
        }
        return new ClusterDraft<>(cluster);
    }

    private void saveCluster(ClusterDraft<C, A> draft) {
        final Cluster<C, A> cluster = draft.build();
        clusters.put(draft.key, cluster);
        if (cluster.needsFlush()) {
            pendingClusters.add(draft.key);
        }
    }

    private void send(String key, Message<C> message) {
        messages.add(new Outgoing<>(partitioner.applyAsInt(key), key, message));
    }

    private void requireOwned(String key) {
        final int owner = partitioner.applyAsInt(key);
        if (owner != partition) {
            throw new IllegalStateException("id " + key + " belongs to partition " + owner + ", not " + partition);
        }
    }

    private Effects<C, A> drain() {
        final Effects<C, A> effects = new Effects<>(messages, storyUpdates, clusterUpdates);
        messages = new ArrayList<>();
        storyUpdates = new ArrayList<>();
        clusterUpdates = new ArrayList<>();
        return effects;
    }

    private static Set<String> minus(Set<String> values, Set<String> known) {
        final Set<String> rest = new HashSet<>(values);
        rest.removeAll(known);
        return new TreeSet<>(rest);
    }
}
