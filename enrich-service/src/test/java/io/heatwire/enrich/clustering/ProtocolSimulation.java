package io.heatwire.enrich.clustering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import io.heatwire.enrich.clustering.Effects.ClusterRecord;
import io.heatwire.enrich.clustering.Effects.ClusterUpdate;
import io.heatwire.enrich.clustering.Effects.Outgoing;
import io.heatwire.enrich.clustering.Effects.StoryUpdate;
import io.heatwire.enrich.clustering.Message.Batch;
import io.heatwire.enrich.clustering.Message.Ingest;
import io.heatwire.enrich.clustering.Message.Item;

/**
 * The clustering protocol on a topic of {@code partitions} partitions under exactly-once: one
 * {@link ClusteringTask} per partition, each partition a log read in order, and a seeded random
 * scheduler that decides which task processes its next record, punctuates, commits or crashes.
 *
 * <p>A task's messages, outputs, store writes and input position become visible together when it
 * commits. A crash throws away everything since its last commit (state, position, produced
 * records), restarts the task from its stores (the start-up scan rebuilds its outbox) and lets it
 * replay. Any interleaving Kafka allows comes out: per-partition order, nothing across partitions.
 */
final class ProtocolSimulation {

    private record Entry(String key, Message<Figures> message) {}

    private final class Partition {
        final int number;
        final List<Entry> log = new ArrayList<>();
        final MapStore<String, Node<Figures>> nodes = new MapStore<>();
        final MapStore<String, Cluster<Figures, Tally>> clusters = new MapStore<>();
        final MapStore<MemberKey, Member<Figures>> members = new MapStore<>();
        final List<Outgoing<Figures>> messages = new ArrayList<>();
        final List<StoryUpdate<Figures>> stories = new ArrayList<>();
        final List<ClusterUpdate<Figures, Tally>> clusterUpdates = new ArrayList<>();
        ClusteringTask<Figures, Tally> task;
        int committed;
        int position;

        Partition(int number) {
            this.number = number;
            start();
        }

        void start() {
            task = new ClusteringTask<>(
                    number, partitioner, nodes, clusters, members, StoryFacts::newer, Tally.AGGREGATOR, settings);
            task.init();
        }

        void keep(Effects<Figures, Tally> effects) {
            messages.addAll(effects.messages());
            stories.addAll(effects.stories());
            clusterUpdates.addAll(effects.clusters());
        }

        boolean hasInput() {
            return position < log.size();
        }

        boolean hasUncommitted() {
            return position != committed || !messages.isEmpty() || !stories.isEmpty() || !clusterUpdates.isEmpty();
        }
    }

    private final int partitionCount;
    private final ToIntFunction<String> partitioner;
    private final Settings settings;
    private final Random random;
    private final int crashWeight;
    private final boolean checkEveryStep;
    private final List<Partition> partitions = new ArrayList<>();
    private final List<StoryUpdate<Figures>> storyLog = new ArrayList<>();
    private final List<ClusterUpdate<Figures, Tally>> clusterLog = new ArrayList<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Set<String>> forwardedRosters = new HashMap<>();
    private final Map<String, Rank> rootRanks = new HashMap<>();
    private int arrivalOdds = 6;
    private long clock;
    private long crashes;

    /**
     * @param crashWeight relative weight of a crash among the scheduler's choices (0: never; the
     *                    others weigh 2 to 12)
     */
    ProtocolSimulation(int partitionCount, long seed, Settings settings, int crashWeight, boolean checkEveryStep) {
        this.partitionCount = partitionCount;
        this.partitioner = key -> Math.floorMod(key.hashCode() * 0x9E3779B9, partitionCount);
        this.settings = settings;
        this.random = new Random(seed);
        this.crashWeight = crashWeight;
        this.checkEveryStep = checkEveryStep;
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(new Partition(p));
        }
    }

    /**
     * While tasks are busy, a document arrives at a step with probability 1/{@code odds}: 6 keeps
     * the tasks overloaded (long queues, stale hints everywhere), 60 is a steady load.
     */
    ProtocolSimulation arrivalOdds(int odds) {
        this.arrivalOdds = odds;
        return this;
    }

    /** Feeds the documents in order, interleaved with random progress, then runs to quiescence. */
    void run(List<ArticleInput<Figures>> documents) {
        int next = 0;
        long steps = 0;
        while (next < documents.size() || partitions.stream().anyMatch(Partition::hasInput)) {
            if (++steps > 5_000_000) {
                throw new IllegalStateException("no quiescence after " + steps + " steps");
            }
            final boolean idle = partitions.stream().noneMatch(Partition::hasInput);
            if (next < documents.size() && (idle || random.nextInt(arrivalOdds) == 0)) {
                arrive(documents.get(next++));
                continue;
            }
            step();
        }
        quiesce();
    }

    /** Runs every task to the end of its input, flushing and committing until nothing moves. */
    void quiesce() {
        long rounds = 0;
        while (true) {
            if (++rounds > 100_000) {
                throw new IllegalStateException("no quiescence after " + rounds + " rounds");
            }
            while (partitions.stream().anyMatch(Partition::hasInput)) {
                step();
            }
            clock += settings.settleDelay() + 1;
            boolean produced = false;
            for (Partition partition : partitions) {
                partition.keep(partition.task.punctuate(clock));
                produced |= partition.hasUncommitted();
                commit(partition);
            }
            if (!produced && partitions.stream().noneMatch(Partition::hasInput)) {
                return;
            }
        }
    }

    /** A document arrives on the partition of its article id (the parser's output, already committed). */
    void arrive(ArticleInput<Figures> document) {
        partitions.get(partitioner.applyAsInt(document.id())).log.add(new Entry(document.id(), new Ingest<>(document)));
        count("input.Ingest", 1);
    }

    private void step() {
        clock++;
        final List<Partition> busy =
                partitions.stream().filter(Partition::hasInput).toList();
        final int choice = random.nextInt(16 + crashWeight);
        final Partition any = partitions.get(random.nextInt(partitionCount));
        if (choice < 12 && !busy.isEmpty()) {
            final Partition partition = busy.get(random.nextInt(busy.size()));
            final Entry entry = partition.log.get(partition.position++);
            partition.keep(partition.task.process(entry.key(), entry.message(), clock));
        } else if (choice < 14) {
            any.keep(any.task.punctuate(clock));
        } else if (choice < 16) {
            commit(any);
        } else {
            crash(any);
        }
        if (checkEveryStep) {
            checkInvariants();
        }
    }

    private void commit(Partition partition) {
        for (Outgoing<Figures> outgoing : partition.messages) {
            if (outgoing.message() instanceof Batch<Figures> batch) {
                count("batches", 1);
                for (Item<Figures> item : batch.items()) {
                    count("item." + item.getClass().getSimpleName(), 1);
                }
            } else {
                count("message." + outgoing.message().getClass().getSimpleName(), 1);
                if (outgoing.partition() != partitioner.applyAsInt(outgoing.key())) {
                    throw new IllegalStateException("keyed message to the wrong partition: " + outgoing);
                }
            }
            partitions.get(outgoing.partition()).log.add(new Entry(outgoing.key(), outgoing.message()));
        }
        count("output.stories", partition.stories.size());
        count("output.clusters", partition.clusterUpdates.size());
        storyLog.addAll(partition.stories);
        clusterLog.addAll(partition.clusterUpdates);
        partition.messages.clear();
        partition.stories.clear();
        partition.clusterUpdates.clear();
        partition.nodes.commit();
        partition.clusters.commit();
        partition.members.commit();
        partition.committed = partition.position;
    }

    private void crash(Partition partition) {
        crashes++;
        partition.clusters.scan((key, cluster) -> {
            forwardedRosters.remove(key);
            rootRanks.remove(key);
        });
        partition.messages.clear();
        partition.stories.clear();
        partition.clusterUpdates.clear();
        partition.nodes.rollback();
        partition.clusters.rollback();
        partition.members.rollback();
        partition.position = partition.committed;
        partition.clusters.scan((key, cluster) -> {
            forwardedRosters.remove(key);
            rootRanks.remove(key);
        });
        partition.start();
    }

    /**
     * After every step: Φ strictly increases along every parent pointer (so no cycle), a root's Φ
     * never decreases, a forwarded cluster gains no member. Aggregates check themselves (a
     * {@link Tally} refuses to go negative or to remove what it does not hold).
     */
    void checkInvariants() {
        for (Partition partition : partitions) {
            partition.clusters.scan((key, cluster) -> {
                if (cluster.isRoot()) {
                    final Rank before = rootRanks.put(key, cluster.rank());
                    if (before != null && before.compareTo(cluster.rank()) > 0) {
                        throw new AssertionError(
                                "Φ of root " + key + " decreased: " + before + " -> " + cluster.rank());
                    }
                    return;
                }
                final Cluster<Figures, Tally> parent = cluster(cluster.parent().key());
                if (parent == null || cluster.rank().compareTo(parent.rank()) >= 0) {
                    throw new AssertionError("Φ does not increase from " + cluster.rank() + " to its parent " + parent);
                }
                final Set<String> roster = roster(partition, cluster);
                final Set<String> first = forwardedRosters.computeIfAbsent(key, k -> roster);
                if (!first.containsAll(roster)) {
                    throw new AssertionError("forwarded cluster " + key + " gained members: " + roster + " > " + first);
                }
            });
        }
    }

    /** At quiescence: every forwarded cluster drained, no pid expected, every story registered once. */
    void checkQuiescent() {
        for (Partition partition : partitions) {
            partition.clusters.scan((key, cluster) -> {
                if (!cluster.isRoot() && cluster.size() != 0) {
                    throw new AssertionError("forwarded cluster " + key + " not drained: " + cluster);
                }
                if (!cluster.expected().isEmpty() || cluster.needsFlush()) {
                    throw new AssertionError("cluster " + key + " not settled: " + cluster);
                }
            });
            partition.nodes.scan((id, node) -> {
                if (node.needsFlush(id)) {
                    throw new AssertionError("node " + id + " not flushed: " + node);
                }
                if (node.isStory()) {
                    final Cluster<Figures, Tally> cluster = cluster(node.sent().cluster());
                    if (!cluster.isRoot()) {
                        throw new AssertionError("story " + id + " registered at forwarded " + cluster.key());
                    }
                }
            });
        }
    }

    /** Story output, last value per key (tombstones remove the key). */
    Map<String, StoryUpdate<Figures>> finalStories() {
        final Map<String, StoryUpdate<Figures>> last = new TreeMap<>();
        for (StoryUpdate<Figures> update : storyLog) {
            if (update.clusterId() == null) {
                last.remove(update.id());
            } else {
                last.put(update.id(), update);
            }
        }
        return last;
    }

    /** Cluster output, last value per key (tombstones remove the key). */
    Map<String, ClusterRecord<Figures, Tally>> finalClusters() {
        final Map<String, ClusterRecord<Figures, Tally>> last = new TreeMap<>();
        for (ClusterUpdate<Figures, Tally> update : clusterLog) {
            if (update.record() == null) {
                last.remove(update.id());
            } else {
                last.put(update.id(), update.record());
            }
        }
        return last;
    }

    List<ClusterUpdate<Figures, Tally>> clusterLog() {
        return clusterLog;
    }

    List<StoryUpdate<Figures>> storyLog() {
        return storyLog;
    }

    /** Committed records by kind: {@code message.*} keyed, {@code item.*} inside batches, outputs. */
    Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** Every fan-out item and keyed message the tasks sent (inputs excluded). */
    long messages() {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith("item.") || e.getKey().startsWith("message."))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    long crashes() {
        return crashes;
    }

    /** Store writes (changelog records before any caching), all partitions. */
    long storeWrites() {
        return partitions.stream()
                .mapToLong(p -> p.nodes.writes() + p.clusters.writes() + p.members.writes())
                .sum();
    }

    Cluster<Figures, Tally> cluster(String key) {
        return partitions.get(partitioner.applyAsInt(key)).clusters.get(key);
    }

    Node<Figures> node(String id) {
        return partitions.get(partitioner.applyAsInt(id)).nodes.get(id);
    }

    private Set<String> roster(Partition partition, Cluster<Figures, Tally> cluster) {
        final Set<String> ids = new TreeSet<>(cluster.inline().keySet());
        if (cluster.spilled()) {
            partition.members.range(
                    MemberKey.first(cluster.key()),
                    MemberKey.last(cluster.key()),
                    (key, member) -> ids.add(key.member()));
        }
        return ids;
    }

    private void count(String kind, long n) {
        if (n > 0) {
            counts.merge(kind, n, Long::sum);
        }
    }
}
