package io.heatwire.support.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a Kafka Streams application stands on its inputs, read through the consumer group of its
 * application id: what it committed on the raw topic, on the topics it writes and reads itself
 * and on its repartition topics, against their committed end offsets; and the committed end
 * offsets of its outputs. The building block of every "has the pipeline caught up?" check.
 */
public final class ApplicationOffsets {

    private final Admin admin;
    private final String applicationId;
    private final String rawTopic;
    private final Set<String> internalTopics;
    private final Set<String> outputTopics;

    /**
     * @param internalTopics topics the application writes and reads itself, besides its repartition topics
     * @param outputTopics   topics whose end offsets a snapshot includes
     */
    public ApplicationOffsets(
            Admin admin, String applicationId, String rawTopic, Set<String> internalTopics, Set<String> outputTopics) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.rawTopic = rawTopic;
        this.internalTopics = Set.copyOf(internalTopics);
        this.outputTopics = Set.copyOf(outputTopics);
    }

    /** The offsets now; topics that do not exist yet are left out. */
    public Snapshot snapshot() throws ExecutionException, InterruptedException {
        final Set<String> existing = admin.listTopics().names().get();
        final Set<String> inputs = existing.stream()
                .filter(name -> name.equals(rawTopic)
                        || internalTopics.contains(name)
                        || name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                .collect(Collectors.toSet());
        final Set<String> outputs =
                existing.stream().filter(outputTopics::contains).collect(Collectors.toSet());
        return new Snapshot(
                rawTopic,
                committedOffsets(),
                endOffsets(partitionsOfExisting(inputs)),
                endOffsets(partitionsOfExisting(outputs)));
    }

    /**
     * Offsets at one moment. Two equal snapshots saw no progress: nothing committed, consumed or
     * written in between.
     *
     * @param committed  the group's committed offset per input partition (absent: nothing committed yet)
     * @param inputEnds  the committed end offset of every input partition
     * @param outputEnds the committed end offset of every output partition
     */
    public record Snapshot(
            String rawTopic,
            Map<TopicPartition, Long> committed,
            Map<TopicPartition, Long> inputEnds,
            Map<TopicPartition, Long> outputEnds) {

        public Snapshot {
            committed = Map.copyOf(committed);
            inputEnds = Map.copyOf(inputEnds);
            outputEnds = Map.copyOf(outputEnds);
        }

        /** Records on the raw topic not yet consumed and committed. */
        public long rawLag() {
            return lag(true);
        }

        /** Records on the internal and repartition topics not yet consumed and committed. */
        public long internalLag() {
            return lag(false);
        }

        /** The sum of the committed raw-topic offsets: how many raw records are done. */
        public long rawCommitted() {
            return inputEnds.keySet().stream()
                    .filter(p -> p.topic().equals(rawTopic))
                    .mapToLong(p -> committed.getOrDefault(p, 0L))
                    .sum();
        }

        /**
         * At most one record behind on every internal partition: the one a transaction's commit
         * marker takes, which no consumer ever reads.
         */
        public boolean internalWithinMarkers() {
            return inputEnds.keySet().stream()
                    .filter(p -> !p.topic().equals(rawTopic))
                    .allMatch(p -> behind(p) <= 1);
        }

        private long lag(boolean raw) {
            return inputEnds.keySet().stream()
                    .filter(p -> p.topic().equals(rawTopic) == raw)
                    .mapToLong(this::behind)
                    .sum();
        }

        private long behind(TopicPartition partition) {
            return Math.max(0, inputEnds.get(partition) - committed.getOrDefault(partition, 0L));
        }
    }

    /** The group's committed offset per partition; partitions it never committed are absent. */
    public Map<TopicPartition, Long> committedOffsets() throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get();
        final Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                result.put(partition, offset.offset());
            }
        });
        return result;
    }

    /** The partitions of those of {@code topics} that exist. */
    public Set<TopicPartition> partitions(Set<String> topics) throws ExecutionException, InterruptedException {
        final Set<String> existing = admin.listTopics().names().get().stream()
                .filter(topics::contains)
                .collect(Collectors.toSet());
        return partitionsOfExisting(existing);
    }

    /** The partitions of topics known to exist (describing a missing one would fail). */
    private Set<TopicPartition> partitionsOfExisting(Set<String> topics)
            throws ExecutionException, InterruptedException {
        final Map<String, TopicDescription> descriptions =
                admin.describeTopics(topics).allTopicNames().get();
        return descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    /** The committed (read_committed) end offset of each partition. */
    public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        final Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        final Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get()
                .forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }
}
