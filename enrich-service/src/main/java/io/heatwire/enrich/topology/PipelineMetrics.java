package io.heatwire.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import io.heatwire.enrich.parse.ParsedArticle;
import io.heatwire.enrich.parse.Warning;
import io.heatwire.enrich.story.Story;

/**
 * heatwire's domain counters. Tags are low-cardinality: an error code, a warning kind, a story
 * kind — never a URL, title or id.
 */
public final class PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter parsed;
    private final Counter storiesDeleted;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.parsed = Counter.builder("heatwire.enrich.articles.parsed")
                .description("Documents parsed into an article").register(registry);
        this.storiesDeleted = Counter.builder("heatwire.enrich.stories.deleted")
                .description("Story tombstones written (an id that turned out to be an alias)").register(registry);
    }

    /** Metrics into Micrometer's global registry, for tests that do not look at them. */
    public static PipelineMetrics global() {
        return new PipelineMetrics(Metrics.globalRegistry);
    }

    void parsed(ParsedArticle article) {
        parsed.increment();
        for (Warning warning : article.warnings()) {
            registry.counter("heatwire.enrich.parse.warnings", "kind", warning.kind().name()).increment();
        }
    }

    void deadLetter(String code) {
        registry.counter("heatwire.enrich.dead.letters", "code", code).increment();
    }

    void storyWritten(Story story) {
        if (story == null) {
            storiesDeleted.increment();
        } else {
            registry.counter("heatwire.enrich.stories.written", "kind", story.kind().name()).increment();
        }
    }
}
