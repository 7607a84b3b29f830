package io.heatwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.heatwire.article.parse.ArticleDocument;
import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;

/** The story node processor on its own: which stories it writes when an interval ends, and after a restart. */
class StoryNodeProcessorTest {

    private static final StoryNodeProcessor.Stores STORES = new StoryNodeProcessor.Stores("graph", "contents",
            "written", "dirty");

    private MockProcessorContext<String, NodeOutput> context;
    private Story article;

    @BeforeEach
    void setUp() throws Exception {
        context = new MockProcessorContext<>();
        InMemoryStores.add(context, "graph", InternalSerdes.of(StoryNode.class));
        InMemoryStores.add(context, "contents", InternalSerdes.of(Story.class));
        InMemoryStores.add(context, "written", InternalSerdes.of(WrittenStory.class));
        InMemoryStores.add(context, "dirty", Serdes.Long());
        article = Stories.from(new ArticleParser(ParseLimits.defaults()).parse(ArticleDocument.valid().bytes())).get(0);
    }

    @Test
    void shouldWriteAStoryOnceWhenTheIntervalEndsHoweverOftenItChanged() {
        final StoryNodeProcessor processor = started();
        processor.process(version(article));
        processor.process(version(article.withAccumulated(article.aliases(), List.of("0".repeat(64)), null)));
        assertThat(writtenIds()).isEmpty();

        processor.writeChanged(1_000L);
        processor.writeChanged(2_000L);

        assertThat(writtenIds()).containsExactly(article.id());
    }

    @Test
    void shouldStillWriteAStoryChangedBeforeARestartWhoseIntervalHadNotEnded() {
        started().process(version(article));
        context.resetForwards();

        // A crash: the change is in the (restored) stores, the processor starts afresh.
        started().writeChanged(1_000L);

        assertThat(writtenIds()).containsExactly(article.id());
        context.resetForwards();
        started().writeChanged(2_000L);
        assertThat(writtenIds()).as("written once, not again after the next restart").isEmpty();
        assertThat(context.<KeyValueStore<String, Long>>getStateStore("dirty").approximateNumEntries()).isZero();
    }

    private StoryNodeProcessor started() {
        final StoryNodeProcessor processor = new StoryNodeProcessor(STORES, Duration.ofSeconds(1), true,
                new PipelineMetrics(new SimpleMeterRegistry()));
        processor.init(context);
        return processor;
    }

    private static Record<String, NodeEvent> version(Story story) {
        return new Record<>(story.id(), new NodeEvent.StoryVersion(story, null), 0L);
    }

    private List<String> writtenIds() {
        return context.forwarded().stream()
                .filter(forward -> forward.record().value() instanceof NodeOutput.StoryUpdate)
                .<String>map(forward -> forward.record().key())
                .toList();
    }

}
