package io.heatwire.enrich.topology;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import tools.jackson.core.type.TypeReference;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.story.SourceVersion;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;
import io.heatwire.enrich.cluster.ClusterAggregate;
import io.heatwire.enrich.cluster.ClusterMember;
import io.heatwire.enrich.cluster.ClusterRecord;
import io.heatwire.enrich.clustering.BatchPartitioner;
import io.heatwire.enrich.clustering.Cluster;
import io.heatwire.enrich.clustering.ClusteringEvent;
import io.heatwire.enrich.clustering.ClusteringOutput;
import io.heatwire.enrich.clustering.ClusteringProcessor;
import io.heatwire.enrich.clustering.Member;
import io.heatwire.enrich.clustering.Node;
import io.heatwire.enrich.clustering.Settings;
import io.heatwire.enrich.metrics.PipelineMetrics;
import io.heatwire.enrich.serde.InternalSerdes;

/**
 * The real {@link ClusteringProcessor} as it runs on a story-events topic of {@code partitions}
 * partitions: one processor with its own stores per partition, each partition a FIFO queue, routed
 * as production routes (documents by article id, batches to the partition they name), and a seeded
 * random choice of which partition makes progress, when documents arrive and when punctuations
 * run. Any interleaving Kafka can produce can come out.
 */
final class ClusteringSimulation {

    private static final ArticleParser PARSER = new ArticleParser(ParseLimits.defaults());

    private final int partitions;
    private final Random random;
    private final BatchPartitioner router;
    private final List<ArrayDeque<KeyValue<String, ClusteringEvent>>> queues = new ArrayList<>();
    private final List<MockProcessorContext<String, ClusteringOutput>> contexts = new ArrayList<>();
    private final List<ClusteringProcessor> processors = new ArrayList<>();
    private final Map<String, Story> stories = new TreeMap<>();
    private final Map<String, ClusterRecord> clusters = new TreeMap<>();
    private final Map<String, Long> messagesByKind = new TreeMap<>();
    private long now = 1_000_000;

    ClusteringSimulation(int partitions, long seed) {
        this.partitions = partitions;
        this.random = new Random(seed);
        this.router = new BatchPartitioner(partitions);
        final ClusteringProcessor.StoreNames names = new ClusteringProcessor.StoreNames(
                "contents", "nodes", "clusters", "rosters", "timeline", "headlines", "written");
        for (int p = 0; p < partitions; p++) {
            final Properties properties = new Properties();
            properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "clustering-simulation");
            properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            final MockProcessorContext<String, ClusteringOutput> context = new MockProcessorContext<>(
                    properties, new TaskId(0, p), new File(System.getProperty("java.io.tmpdir")));
            InMemoryStores.add(context, "contents", InternalSerdes.of(Story.class));
            InMemoryStores.add(context, "nodes", InternalSerdes.of(new TypeReference<Node<ClusterMember>>() {}));
            InMemoryStores.add(
                    context,
                    "clusters",
                    InternalSerdes.of(new TypeReference<Cluster<ClusterMember, ClusterAggregate>>() {}));
            InMemoryStores.add(context, "rosters", InternalSerdes.of(new TypeReference<Member<ClusterMember>>() {}));
            InMemoryStores.add(context, "timeline", Serdes.String());
            InMemoryStores.add(context, "headlines", InternalSerdes.of(ClusterMember.class));
            InMemoryStores.add(context, "written", InternalSerdes.of(ClusterMember.class));
            final ClusteringProcessor processor = new ClusteringProcessor(
                    names,
                    partitions,
                    Duration.ofMillis(300),
                    Duration.ofHours(24),
                    new Settings(150, 4),
                    new PipelineMetrics(new SimpleMeterRegistry()));
            processor.init(context);
            queues.add(new ArrayDeque<>());
            contexts.add(context);
            processors.add(processor);
        }
    }

    /** Feeds the documents in the given order, interleaved with processing; returns the live stories. */
    Map<String, Story> run(List<byte[]> documents, int maxSteps) {
        int next = 0;
        for (int step = 0; step < maxSteps; step++) {
            now += 10;
            if (next < documents.size()
                    && (random.nextInt(4) == 0 || queues.stream().allMatch(ArrayDeque::isEmpty))) {
                final List<Story> parsed = parse(documents.get(next++), now);
                final String key = parsed.get(0).id();
                queues.get(ClusteringProcessor.partitionOf(key, partitions))
                        .add(KeyValue.pair(key, ClusteringEvent.document(parsed)));
                continue;
            }
            final int p = random.nextInt(partitions);
            if (random.nextInt(5) == 0) {
                punctuate(p);
            } else if (!queues.get(p).isEmpty()) {
                final KeyValue<String, ClusteringEvent> record = queues.get(p).poll();
                contexts.get(p).setCurrentSystemTimeMs(now);
                contexts.get(p).setCurrentStreamTimeMs(now);
                processors.get(p).process(new Record<>(record.key, record.value, now));
                collect(p);
            }
            if (next == documents.size() && quiescent()) {
                return stories;
            }
        }
        throw new IllegalStateException("no quiescence within " + maxSteps + " steps");
    }

    Map<String, ClusterRecord> clusters() {
        return clusters;
    }

    Map<String, Long> messagesByKind() {
        return messagesByKind;
    }

    /** Every queue empty, and a punctuation of every partition sends nothing more. */
    private boolean quiescent() {
        if (queues.stream().anyMatch(queue -> !queue.isEmpty())) {
            return false;
        }
        now += 1_000;
        for (int p = 0; p < partitions; p++) {
            punctuate(p);
        }
        return queues.stream().allMatch(ArrayDeque::isEmpty);
    }

    private void punctuate(int p) {
        contexts.get(p).setCurrentSystemTimeMs(now);
        contexts.get(p).setCurrentStreamTimeMs(now);
        contexts.get(p)
                .scheduledPunctuators()
                .forEach(punctuator -> punctuator.getPunctuator().punctuate(now));
        collect(p);
    }

    private void collect(int p) {
        final MockProcessorContext<String, ClusteringOutput> context = contexts.get(p);
        for (MockProcessorContext.CapturedForward<? extends String, ? extends ClusteringOutput> forward :
                context.forwarded()) {
            final String key = forward.record().key();
            final ClusteringOutput output = forward.record().value();
            if (output instanceof ClusteringOutput.Event event) {
                final int target = router.partitions("story-events", key, event.event(), partitions)
                        .orElseThrow()
                        .iterator()
                        .next();
                queues.get(target).add(KeyValue.pair(key, event.event()));
                messagesByKind.merge(event.event().message().getClass().getSimpleName(), 1L, Long::sum);
            } else if (output instanceof ClusteringOutput.StoryWrite write) {
                messagesByKind.merge("story records", 1L, Long::sum);
                if (write.story() == null) {
                    stories.remove(key);
                } else {
                    stories.put(key, write.story());
                }
            } else if (output instanceof ClusteringOutput.ClusterWrite write) {
                messagesByKind.merge("cluster records", 1L, Long::sum);
                if (write.record() == null) {
                    clusters.remove(key);
                } else {
                    clusters.put(key, write.record());
                }
            }
        }
        context.resetForwards();
    }

    private static List<Story> parse(byte[] document, long ingestedAt) {
        try {
            return Stories.from(
                    PARSER.parse(document), SourceVersion.sha256Hex(document), Instant.ofEpochMilli(ingestedAt));
        } catch (RejectedDocumentException e) {
            throw new IllegalArgumentException("generated document rejected: " + e.getMessage(), e);
        }
    }
}
