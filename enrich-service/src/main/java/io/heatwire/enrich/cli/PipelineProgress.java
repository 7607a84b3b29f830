package io.heatwire.enrich.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import io.heatwire.support.kafka.ApplicationOffsets;

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
    private final ApplicationOffsets offsets;
    private long lag = -1;

    /**
     * @param internalTopics topics the application writes and reads itself, besides its repartition topics
     * @param outputTopics   topics whose end offsets must stand still too before the pipeline counts as done
     */
    PipelineProgress(
            Admin admin, String applicationId, String rawTopic, Set<String> internalTopics, Set<String> outputTopics) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.offsets = new ApplicationOffsets(admin, applicationId, rawTopic, internalTopics, outputTopics);
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
                final ApplicationOffsets.Snapshot offsets = this.offsets.snapshot();
                lag = offsets.rawLag() + offsets.internalLag();
                final GroupSnapshot group = group();
                final Snapshot snapshot = new Snapshot(offsets, group);
                if (!snapshot.equals(previous)) {
                    stableSince = System.nanoTime();
                }
                if (offsets.rawLag() == 0
                        && offsets.internalWithinMarkers()
                        && group.settled()
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
                    throw new IllegalStateException(
                            "the broker refused the client (see spring.kafka.security.* "
                                    + "and spring.kafka.properties.sasl.*)",
                            e.getCause());
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
            description = admin.describeConsumerGroups(List.of(applicationId))
                    .describedGroups()
                    .get(applicationId)
                    .get();
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

    /** What must stand still for the pipeline to count as done: the offsets and the group. */
    private record Snapshot(ApplicationOffsets.Snapshot offsets, GroupSnapshot group) {}

    /** A consumer group's state and assignment, as far as settling is concerned. */
    record GroupSnapshot(GroupState state, Map<String, Set<TopicPartition>> assignment) {

        /** Not in a rebalance: either members run with an agreed assignment, or none is left. */
        boolean settled() {
            return state == GroupState.STABLE || state == GroupState.EMPTY || state == GroupState.DEAD;
        }
    }
}
