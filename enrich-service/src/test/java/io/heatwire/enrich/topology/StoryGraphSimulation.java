package io.heatwire.enrich.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;

/**
 * The story-node processor as it runs on a topic with {@code partitions} partitions: one real
 * {@link StoryNodeProcessor} and store per partition, each partition a FIFO queue, and a seeded
 * random choice of which partition makes progress next and when the next document arrives. Any
 * interleaving Kafka can produce (per-partition order, nothing across partitions) can come out.
 */
final class StoryGraphSimulation {

    private static final ArticleParser PARSER = new ArticleParser(ParseLimits.defaults());

    private final int partitions;
    private final Random random;
    private final List<ArrayDeque<KeyValue<String, NodeEvent>>> queues = new ArrayList<>();
    private final List<MockProcessorContext<String, NodeOutput>> contexts = new ArrayList<>();
    private final List<StoryNodeProcessor> processors = new ArrayList<>();
    private final Map<String, Story> stories = new HashMap<>();
    private final Map<String, Long> messagesByKind = new java.util.TreeMap<>();
    private long messages;
    private long storyRecords;

    StoryGraphSimulation(int partitions, long seed) {
        this.partitions = partitions;
        this.random = new Random(seed);
        for (int p = 0; p < partitions; p++) {
            final MockProcessorContext<String, NodeOutput> context = new MockProcessorContext<>();
            InMemoryStores.add(context, Names.STORY_GRAPH, InternalSerdes.of(StoryNode.class));
            InMemoryStores.add(context, Names.STORY_CONTENTS, InternalSerdes.of(Story.class));
            InMemoryStores.add(context, Names.STORIES_WRITTEN, InternalSerdes.of(WrittenStory.class));
            InMemoryStores.add(context, Names.STORIES_DIRTY, Serdes.Long());
            final StoryNodeProcessor processor = new StoryNodeProcessor(
                    new StoryNodeProcessor.Stores(Names.STORY_GRAPH, Names.STORY_CONTENTS, Names.STORIES_WRITTEN,
                            Names.STORIES_DIRTY),
                    java.time.Duration.ofSeconds(1), true,
                    new PipelineMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
            processor.init(context);
            queues.add(new ArrayDeque<>());
            contexts.add(context);
            processors.add(processor);
        }
    }

    /** Runs until every document arrived and every event was processed; returns the live stories. */
    Map<String, Story> run(List<byte[]> documents, long maxMessages) {
        int next = 0;
        long ingestedAt = 1_700_000_000_000L;
        while (next < documents.size() || queues.stream().anyMatch(q -> !q.isEmpty())) {
            final boolean idle = queues.stream().allMatch(ArrayDeque::isEmpty);
            if (next < documents.size() && (idle || random.nextInt(4) == 0)) {
                for (KeyValue<String, NodeEvent> event : firstEvents(documents.get(next++), ingestedAt++)) {
                    enqueue(event.key, event.value);
                }
                continue;
            }
            step();
            if (random.nextInt(50) == 0) {
                // a write interval ends in one partition while others are still busy
                writeChanged(random.nextInt(partitions));
            }
            if (messages > maxMessages) {
                throw new IllegalStateException("no fixpoint after " + maxMessages + " messages");
            }
        }
        for (int p = 0; p < partitions; p++) {
            writeChanged(p);
        }
        return stories;
    }

    /** Events processed by the story nodes since the start. */
    long messages() {
        return messages;
    }

    /** Events processed, by event type (StoryVersion, Label, ...). */
    Map<String, Long> messagesByKind() {
        return messagesByKind;
    }

    /** Records written to the stories topic since the start. */
    long storyRecords() {
        return storyRecords;
    }

    private void step() {
        final List<Integer> busy = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            if (!queues.get(p).isEmpty()) {
                busy.add(p);
            }
        }
        final int p = busy.get(random.nextInt(busy.size()));
        final KeyValue<String, NodeEvent> event = queues.get(p).poll();
        final MockProcessorContext<String, NodeOutput> context = contexts.get(p);
        context.resetForwards();
        processors.get(p).process(new Record<>(event.key, event.value, 0L));
        messages++;
        messagesByKind.merge(event.value.getClass().getSimpleName(), 1L, Long::sum);
        route(context);
    }

    /** The partition's write interval ends: the stories that changed are written. */
    private void writeChanged(int p) {
        final MockProcessorContext<String, NodeOutput> context = contexts.get(p);
        context.resetForwards();
        context.scheduledPunctuators().forEach(punctuator -> punctuator.getPunctuator().punctuate(0L));
        route(context);
    }

    private void route(MockProcessorContext<String, NodeOutput> context) {
        for (MockProcessorContext.CapturedForward<? extends String, ? extends NodeOutput> forward : context.forwarded()) {
            final NodeOutput output = forward.record().value();
            if (output instanceof NodeOutput.ToNode toNode) {
                enqueue(forward.record().key(), toNode.event());
            } else if (output instanceof NodeOutput.StoryUpdate update) {
                storyRecords++;
                final Story story = update.story();
                if (story == null) {
                    stories.remove(forward.record().key());
                } else {
                    stories.put(forward.record().key(), story);
                }
            }
        }
    }

    private void enqueue(String key, NodeEvent event) {
        queues.get(Math.floorMod(key.hashCode(), partitions)).add(KeyValue.pair(key, event));
    }

    private static List<KeyValue<String, NodeEvent>> firstEvents(byte[] document, long ingestedAt) {
        try {
            return EnrichTopology.firstEvents(Stories.from(PARSER.parse(document), null,
                    java.time.Instant.ofEpochMilli(ingestedAt)), true);
        } catch (RejectedDocumentException e) {
            throw new IllegalArgumentException("generated document rejected: " + e.getMessage(), e);
        }
    }
}
