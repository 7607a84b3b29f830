package io.heatwire.benchmarks.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import io.heatwire.support.kafka.TopicReader;

/**
 * Reads what the pipeline published, as any read_committed consumer sees it after reading each
 * compacted topic to its end: the last value per key, tombstoned keys removed. The stories topic is
 * read one partition at a time (a key lives in one partition), so a million-article corpus needs
 * only one partition's keys in memory.
 */
final class OutputReader {

    private static final Duration MAX_SCAN = Duration.ofMinutes(30);

    private OutputReader() {}

    static ObservedClusters read(
            final String bootstrapServers,
            final String storiesTopic,
            final String clustersTopic,
            final String dlqTopic,
            final Set<String> storiesToLocate) {
        long articles = 0;
        long references = 0;
        final Map<String, String> storyClusters = new HashMap<>();
        for (final TopicPartition partition : partitions(bootstrapServers, storiesTopic)) {
            final Map<String, Boolean> isArticle = new HashMap<>();
            scan(bootstrapServers, List.of(partition), record -> {
                final String key = key(record);
                if (record.value() == null) {
                    isArticle.remove(key);
                    storyClusters.remove(key);
                } else {
                    isArticle.put(key, LatencyProbe.ARTICLE.equals(StoryJson.field(record.value(), "kind")));
                    if (storiesToLocate.contains(key)) {
                        storyClusters.put(key, StoryJson.field(record.value(), "clusterId"));
                    }
                }
            });
            for (final boolean article : isArticle.values()) {
                if (article) {
                    articles++;
                } else {
                    references++;
                }
            }
        }
        final Map<String, Long> clusters = new HashMap<>();
        scan(bootstrapServers, partitions(bootstrapServers, clustersTopic), record -> {
            if (record.value() == null) {
                clusters.remove(key(record));
            } else {
                final String size = StoryJson.field(record.value(), "size");
                clusters.put(key(record), size == null ? -1 : Long.parseLong(size));
            }
        });
        final long[] deadLetters = {0};
        scan(bootstrapServers, partitions(bootstrapServers, dlqTopic), record -> deadLetters[0]++);
        return new ObservedClusters(articles, references, clusters, storyClusters, deadLetters[0]);
    }

    private static String key(final ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static List<TopicPartition> partitions(final String bootstrapServers, final String topic) {
        return TopicReader.partitions(client(bootstrapServers), topic);
    }

    private static void scan(
            final String bootstrapServers,
            final List<TopicPartition> partitions,
            final Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        TopicReader.readToEnd(client(bootstrapServers), partitions, MAX_SCAN, sink);
    }

    private static Map<String, Object> client(final String bootstrapServers) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
}
