package io.heatwire.enrich.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Whether the Kafka Streams application has consumed everything on its input topics: the raw topic
 * and its own repartition topics, read through the consumer group of its application id.
 */
final class PipelineProgress {

    private static final Duration POLL = Duration.ofMillis(500);

    /** Longer than the cluster emit interval plus a commit: outputs written by a punctuator land too. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final Admin admin;
    private final String applicationId;
    private final String rawTopic;
    private final Set<String> internalTopics;
    private final Set<String> outputTopics;
    private long lag = -1;

    /**
     * @param internalTopics topics the application writes and reads itself, besides its repartition topics
     * @param outputTopics   topics whose end offsets must stand still too before the pipeline counts as done
     */
    PipelineProgress(Admin admin, String applicationId, String rawTopic, Set<String> internalTopics,
            Set<String> outputTopics) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.rawTopic = rawTopic;
        this.internalTopics = internalTopics;
        this.outputTopics = outputTopics;
    }

    /** Records not yet consumed at the last check; -1 before the first check. */
    long lag() {
        return lag;
    }

    /**
     * Polls until nothing is left to consume, the group is not rebalancing, and the committed
     * offsets, the outputs' end offsets and the group's assignment have stood still for a few
     * seconds (a transaction commit marker can leave one offset of lag on an internal topic).
     */
    boolean awaitCaughtUp(Duration timeout, PrintStream progress) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        Snapshot previous = null;
        long stableSince = System.nanoTime();
        long lastReported = -2;
        while (System.nanoTime() < deadline) {
            try {
                final Map<TopicPartition, Long> committed = committedOffsets();
                final Map<TopicPartition, Long> ends = endOffsets(inputPartitions());
                long rawLag = 0;
                long internalLag = 0;
                boolean internalWithinMarkers = true;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    final long behind = Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
                    if (end.getKey().topic().equals(rawTopic)) {
                        rawLag += behind;
                    } else {
                        internalLag += behind;
                        internalWithinMarkers &= behind <= 1;
                    }
                }
                lag = rawLag + internalLag;
                final Map<TopicPartition, Long> offsets = new HashMap<>(committed);
                offsets.putAll(endOffsets(partitions(outputTopics)));
                final GroupSnapshot group = group();
                final Snapshot snapshot = new Snapshot(offsets, group);
                if (!snapshot.equals(previous)) {
                    stableSince = System.nanoTime();
                }
                if (rawLag == 0 && internalWithinMarkers && group.settled()
                        && System.nanoTime() - stableSince >= SETTLE.toNanos()) {
                    lag = 0;
                    return true;
                }
                if (lag != lastReported && lag > 0) {
                    progress.printf("waiting for enrich-service: %d records to process%n", lag);
                    lastReported = lag;
                }
                previous = snapshot;
            } catch (ExecutionException e) {
                // Wrong credentials or missing rights do not get better by waiting.
                if (e.getCause() instanceof AuthenticationException || e.getCause() instanceof AuthorizationException) {
                    throw new IllegalStateException("the broker refused the client (see spring.kafka.security.* "
                            + "and spring.kafka.properties.sasl.*)", e.getCause());
                }
                progress.println("waiting for the broker: " + e.getCause().getMessage());
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        return false;
    }

    /**
     * The group's state and who owns which partition: a rebalance moves tasks, and a moved task
     * writes what it still owes only once it runs again, so the outputs standing still during a
     * rebalance mean nothing.
     */
    private GroupSnapshot group() throws ExecutionException, InterruptedException {
        final ConsumerGroupDescription description;
        try {
            description = admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return new GroupSnapshot(GroupState.DEAD, Map.of()); // nothing has consumed anything yet
            }
            throw e;
        }
        final Map<String, Set<TopicPartition>> assignment = new TreeMap<>();
        for (MemberDescription member : description.members()) {
            assignment.put(member.consumerId(), Set.copyOf(member.assignment().topicPartitions()));
        }
        return new GroupSnapshot(description.groupState(), assignment);
    }

    /** What must stand still for the pipeline to count as done: committed and output end offsets, the group. */
    private record Snapshot(Map<TopicPartition, Long> offsets, GroupSnapshot group) {
    }

    /** A consumer group's state and assignment, as far as settling is concerned. */
    record GroupSnapshot(GroupState state, Map<String, Set<TopicPartition>> assignment) {

        /** Not in a rebalance: either members run with an agreed assignment, or none is left. */
        boolean settled() {
            return state == GroupState.STABLE || state == GroupState.EMPTY || state == GroupState.DEAD;
        }
    }

    private Map<TopicPartition, Long> committedOffsets() throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        final Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                result.put(partition, offset.offset());
            }
        });
        return result;
    }

    private Set<TopicPartition> inputPartitions() throws ExecutionException, InterruptedException {
        final Set<String> inputs = admin.listTopics().names().get().stream()
                .filter(name -> name.equals(rawTopic) || internalTopics.contains(name)
                        || name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                .collect(Collectors.toSet());
        return partitions(inputs);
    }

    private Set<TopicPartition> partitions(Set<String> topics) throws ExecutionException, InterruptedException {
        final Set<String> existing = admin.listTopics().names().get().stream()
                .filter(topics::contains).collect(Collectors.toSet());
        final Map<String, TopicDescription> descriptions = admin.describeTopics(existing).allTopicNames().get();
        return descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        final Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }
}
