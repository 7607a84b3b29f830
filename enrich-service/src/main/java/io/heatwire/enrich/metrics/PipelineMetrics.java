package io.heatwire.enrich.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.heatwire.article.parse.ParsedArticle;
import io.heatwire.article.parse.Warning;
import io.heatwire.article.story.Story;
import io.heatwire.enrich.clustering.ClusteringProcessor;
import io.heatwire.support.contract.MetricNames;

/**
 * heatwire's domain counters. Tags are low-cardinality: an error code, a warning kind, a story
 * kind — never a URL, title or id.
 */
public final class PipelineMetrics implements ClusteringProcessor.Observer {

    private final MeterRegistry registry;
    private final Counter parsed;
    private final Counter storiesDeleted;
    private final Counter clusterMerges;
    private final Timer endToEnd;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.parsed = Counter.builder("heatwire.enrich.articles.parsed")
                .description("Documents parsed into an article")
                .register(registry);
        this.storiesDeleted = Counter.builder("heatwire.enrich.stories.deleted")
                .description("Story tombstones written (an id that turned out to be an alias)")
                .register(registry);
        this.clusterMerges = Counter.builder("heatwire.enrich.cluster.merges")
                .description("Cluster ids that stopped naming a cluster: merged, or an older story joined")
                .register(registry);
        this.endToEnd = Timer.builder("heatwire.enrich.end.to.end.latency")
                .description("From a document's record timestamp (set when it was ingested) to a story written for it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    @Override
    public void storyWritten(Story story, long changedAt, long now) {
        storyWritten(story);
        if (story != null && changedAt >= 0) {
            endToEnd(changedAt, now);
        }
    }

    /** Counts a cluster id that disappeared (its tombstone was written). */
    @Override
    public void clusterMerged() {
        clusterMerges.increment();
    }

    public void endToEnd(long recordTimestamp, long now) {
        endToEnd.record(Math.max(0, now - recordTimestamp), TimeUnit.MILLISECONDS);
    }

    public void parsed(ParsedArticle article) {
        parsed.increment();
        for (Warning warning : article.warnings()) {
            registry.counter(
                            "heatwire.enrich.parse.warnings",
                            "kind",
                            warning.kind().name())
                    .increment();
        }
    }

    public void deadLetter(String code) {
        registry.counter(MetricNames.DEAD_LETTERS, MetricNames.CODE_TAG, code).increment();
    }

    public void storyWritten(Story story) {
        if (story == null) {
            storiesDeleted.increment();
        } else {
            registry.counter(
                            "heatwire.enrich.stories.written",
                            "kind",
                            story.kind().name())
                    .increment();
        }
    }
}
