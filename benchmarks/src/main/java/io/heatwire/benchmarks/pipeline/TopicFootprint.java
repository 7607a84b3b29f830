package io.heatwire.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * Every topic on the broker after a run: how many records were written to it (end offsets) and how
 * many bytes it holds in the broker's log directories.
 */
final class TopicFootprint {

    private TopicFootprint() {}

    /** The role of a topic in the pipeline. */
    static String role(
            final String topic, final String rawTopic, final String applicationId, final Set<String> internalTopics) {
        if (topic.equals(rawTopic)) {
            return RunResult.TopicRow.INPUT;
        }
        if (topic.startsWith("__")) {
            return RunResult.TopicRow.BROKER;
        }
        if (internalTopics.contains(topic)) {
            return RunResult.TopicRow.INTERNAL;
        }
        if (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition")) {
            return RunResult.TopicRow.REPARTITION;
        }
        if (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog")) {
            return RunResult.TopicRow.CHANGELOG;
        }
        return RunResult.TopicRow.OUTPUT;
    }

    /** Every topic but {@code exclude}, with its end offsets and log size. */
    static List<RunResult.TopicRow> read(
            final Admin admin,
            final String rawTopic,
            final String applicationId,
            final Set<String> internalTopics,
            final String exclude)
            throws ExecutionException, InterruptedException {
        final Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
                .filter(name -> !name.equals(exclude))
                .collect(Collectors.toSet());
        final Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get();
        final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        descriptions
                .values()
                .forEach(description -> description
                        .partitions()
                        .forEach(partition -> request.put(
                                new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
        final Map<String, Long> ends = new HashMap<>();
        admin.listOffsets(request)
                .all()
                .get()
                .forEach((partition, info) -> ends.merge(partition.topic(), info.offset(), Long::sum));
        final Map<String, Long> bytes = logBytes(admin);
        final List<RunResult.TopicRow> rows = new ArrayList<>();
        for (final TopicDescription description : descriptions.values()) {
            final String name = description.name();
            rows.add(new RunResult.TopicRow(
                    name,
                    role(name, rawTopic, applicationId, internalTopics),
                    description.partitions().size(),
                    ends.getOrDefault(name, 0L),
                    bytes.getOrDefault(name, 0L)));
        }
        return rows;
    }

    private static Map<String, Long> logBytes(final Admin admin) throws ExecutionException, InterruptedException {
        final Collection<Node> nodes = admin.describeCluster().nodes().get();
        final List<Integer> ids = nodes.stream().map(Node::id).toList();
        final Map<String, Long> bytes = new HashMap<>();
        for (final Map<String, LogDirDescription> byDir :
                admin.describeLogDirs(ids).allDescriptions().get().values()) {
            for (final LogDirDescription dir : byDir.values()) {
                dir.replicaInfos().forEach((partition, info) -> bytes.merge(partition.topic(), info.size(), Long::sum));
            }
        }
        return bytes;
    }
}
