package io.heatwire.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The performance targets of issue 7, judged on a run's figures. */
final class Targets {

    static final double END_TO_END_OVER_PARSE = 0.60;
    static final long P99_MILLIS = 1_000;
    static final long HEAP_BYTES = 512L * 1024 * 1024;
    static final long HEAP_AT_STORIES = 1_000_000;
    /** "Flat": the largest size costs at most this much more per article than the smallest. */
    static final double FLAT_COST = 1.25;

    static final String MEETS = "meets";
    static final String MISSES = "misses";

    /**
     * One target.
     *
     * @param verdict {@link #MEETS}, {@link #MISSES} or why it could not be judged
     */
    record Verdict(String target, String value, String verdict) {}

    private Targets() {}

    static List<Verdict> of(final RunResult run) {
        final List<Verdict> verdicts = new ArrayList<>();
        final double overParse =
                run.endToEnd().articlesPerSecond() / run.parse().documentsPerSecond();
        verdicts.add(new Verdict(
                "end to end ≥ 60% of the 1-thread parse rate",
                Formats.number(overParse * 100) + "%", overParse >= END_TO_END_OVER_PARSE ? MEETS : MISSES));
        final RunResult.Latency latency = run.latency();
        if (latency == null) {
            verdicts.add(new Verdict("p99 < 1 s at half load after a warm-up", "not measured", "n/a (--no-latency)"));
        } else {
            final boolean halfLoad =
                    Math.abs(latency.targetRate() - run.endToEnd().articlesPerSecond() / 2)
                            <= 0.01 * run.endToEnd().articlesPerSecond();
            final boolean warm = latency.warmUpArticles() > 0;
            final String value = "p99 " + Formats.millis(latency.p99Millis())
                    + (halfLoad ? "" : " at " + Formats.number(latency.targetRate()) + " articles/s")
                    + (warm ? " after " + Formats.count(latency.warmUpArticles()) + " warm-up articles" : ", cold");
            final boolean meets =
                    latency.p99Millis() >= 0 && latency.p99Millis() < P99_MILLIS && latency.missing() == 0;
            verdicts.add(new Verdict(
                    "p99 < 1 s at half load after a warm-up",
                    value,
                    !halfLoad
                            ? "n/a (not paced at half the maximum)"
                            : !warm ? "n/a (no warm-up: --warm-up 0)" : meets ? MEETS : MISSES));
        }
        final long stories = run.structure().actualStories();
        final long heap = run.enrich().peakHeapAfterGcBytes();
        verdicts.add(new Verdict(
                "heap ≤ 512 MB at 1M stories",
                Formats.megabytes(heap) + " after GC, " + Formats.count(stories) + " stories",
                stories < HEAP_AT_STORIES ? "n/a (fewer than 1M stories)" : heap <= HEAP_BYTES ? MEETS : MISSES));
        return verdicts;
    }

    /** Cost per article from the smallest to the largest size: enrich-service CPU time per article. */
    static Verdict flatCost(final List<RunResult> runs) {
        if (runs.size() < 2) {
            return new Verdict("cost per article flat from 10k to 1M", "one size", "n/a (give several --articles)");
        }
        RunResult smallest = runs.get(0);
        RunResult largest = runs.get(0);
        for (final RunResult run : runs) {
            smallest = run.articles() < smallest.articles() ? run : smallest;
            largest = run.articles() > largest.articles() ? run : largest;
        }
        final double growth = cpuPerArticle(largest) / cpuPerArticle(smallest);
        return new Verdict(
                "cost per article flat from 10k to 1M",
                Formats.times(growth) + " CPU per article from " + Formats.count(smallest.articles()) + " to "
                        + Formats.count(largest.articles()),
                growth <= FLAT_COST ? MEETS : MISSES);
    }

    static double cpuPerArticle(final RunResult run) {
        return run.enrich().cpuSeconds() / run.articles();
    }
}
