package io.heatwire.benchmarks.pipeline;

import java.util.List;
import java.util.Map;

/** Run results with round figures, for the tests of what is printed and written. */
final class RunResults {

    private RunResults() {}

    /**
     * 10,000 articles of 6,000 bytes; 100 articles/s end to end (100 s); parse 5,000/s; broker
     * 20,000/s; 2 ms of enrich-service CPU per article.
     */
    static RunResult tenThousand() {
        return sized(10_000, 2.0, true);
    }

    static RunResult sized(final int articles, final double cpuMillisPerArticle, final boolean passed) {
        final long bytes = articles * 6_000L;
        final StructureCheck.Result structure = new StructureCheck.Result(
                articles * 5L,
                articles * 5L,
                300,
                300,
                passed ? List.of() : List.of("clusters: expected 300, found 301"));
        return new RunResult(
                articles,
                1,
                bytes,
                6,
                1,
                structure,
                structure,
                new RunResult.Throughput(articles, bytes, articles / 100.0, 1.0),
                new RunResult.Latency(
                        50,
                        49.9,
                        articles,
                        0,
                        400,
                        900,
                        1_200,
                        0.5,
                        1.0,
                        articles * 3L,
                        List.of(500L, 600L, 700L, 800L, 900L, 900L, 900L, 900L, 1_000L, 1_200L),
                        2_000,
                        20.0),
                new RunResult.ParseRate(articles, bytes, articles / 5_000.0, articles / 5_000.0, 0),
                new RunResult.BrokerRate(articles, bytes, articles / 40_000.0, articles / 20_000.0),
                new RunResult.Usage(
                        1,
                        800_000_000L,
                        800_000_000L,
                        600_000_000L,
                        200_000_000L,
                        40,
                        2.0,
                        articles * cpuMillisPerArticle / 1000),
                articles * 0.5 / 1000,
                0.0,
                120_000_000L,
                List.of(
                        new RunResult.TopicRow("heatwire.articles.raw", RunResult.TopicRow.INPUT, 6, articles, bytes),
                        new RunResult.TopicRow(
                                "heatwire-enrich.story-events",
                                RunResult.TopicRow.INTERNAL,
                                6,
                                articles * 30L,
                                400_000_000L),
                        new RunResult.TopicRow(
                                "heatwire.stories", RunResult.TopicRow.OUTPUT, 6, articles * 10L, 100_000_000L),
                        new RunResult.TopicRow("__consumer_offsets", RunResult.TopicRow.BROKER, 10, 5_000, 1_000_000)),
                Map.of("heatwire-enrich", 10.0, "GC Thread", 5.0, "C2 CompilerThre", 5.0));
    }

    /** {@code run} with another latency run. */
    static RunResult withLatency(final RunResult run, final RunResult.Latency latency) {
        return with(run, latency, run.ceiling());
    }

    /**
     * {@code run} with a ceiling run of 200 articles/s (50 s for 10,000 articles) and 1 ms of
     * enrich-service CPU per article, its structure as given.
     */
    static RunResult withCeiling(final RunResult run, final boolean passed) {
        final RunResult.Throughput throughput =
                new RunResult.Throughput(run.articles(), run.documentBytes(), run.articles() / 200.0, 1.0);
        final StructureCheck.Result structure = new StructureCheck.Result(
                run.articles() * 5L,
                run.articles() * 5L,
                0,
                passed ? 0 : 3,
                passed ? List.of() : List.of("3 cluster records were written (expected none without clustering)"));
        return with(run, run.latency(), new RunResult.Ceiling(throughput, run.articles() / 1000.0, structure));
    }

    private static RunResult with(
            final RunResult run, final RunResult.Latency latency, final RunResult.Ceiling ceiling) {
        return new RunResult(
                run.articles(),
                run.seed(),
                run.documentBytes(),
                run.partitions(),
                run.instances(),
                run.structure(),
                run.pacedStructure(),
                run.endToEnd(),
                latency,
                run.parse(),
                run.broker(),
                run.enrich(),
                run.brokerCpuSeconds(),
                run.otherCpuSeconds(),
                run.stateBytes(),
                run.topics(),
                run.enrichThreadCpuSeconds(),
                run.failOver(),
                ceiling);
    }
}
