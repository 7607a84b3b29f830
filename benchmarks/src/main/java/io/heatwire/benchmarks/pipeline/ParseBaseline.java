package io.heatwire.benchmarks.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.ParsedArticle;
import io.heatwire.article.parse.RejectedDocumentException;

/**
 * The raw parse rate: enrich-service's own {@link ArticleParser} with its default limits, on one
 * thread, over every document of the corpus once, after a warm-up over the same documents. Run
 * while nothing else of the benchmark runs.
 */
final class ParseBaseline {

    static final Duration WARM_UP = Duration.ofSeconds(8);

    private ParseBaseline() {}

    static RunResult.ParseRate measure(final Corpus corpus) {
        final ArticleParser parser = new ArticleParser(ParseLimits.defaults());
        long sink = 0;
        final long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        for (int i = 0; System.nanoTime() < warmUpEnd; i = (i + 1) % corpus.size()) {
            sink += parse(parser, corpus.document(i));
        }
        long rejected = 0;
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final long cpuStart = threads.getCurrentThreadCpuTime();
        final long start = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            final long result = parse(parser, corpus.document(i));
            if (result < 0) {
                rejected++;
            }
            sink += result;
        }
        final long nanos = System.nanoTime() - start;
        final long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        if (sink == Long.MIN_VALUE) {
            // Keeps the results alive for the JIT; never true.
            throw new IllegalStateException();
        }
        return new RunResult.ParseRate(corpus.size(), corpus.bytes(), nanos / 1e9, cpuNanos / 1e9, rejected);
    }

    private static long parse(final ArticleParser parser, final byte[] document) {
        try {
            final ParsedArticle article = parser.parse(document);
            // A cheap use of the result; hashing the whole article would cost more than parsing it.
            return article.title() == null ? 0 : 1;
        } catch (RejectedDocumentException e) {
            return -1;
        }
    }
}
