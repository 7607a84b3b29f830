package io.heatwire.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParseLimits;
import io.heatwire.article.parse.ParsedArticle;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;

/**
 * Raw parse throughput of one thread: documents per second (the score); MB/s follows from the
 * corpus sizes that {@link ParseThroughput} prints. The generated corpus cycles through enough
 * documents that the JIT cannot specialize on one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

    static final int SEED_COUNT = 5;
    static final int GENERATED_COUNT = 512;
    static final long GENERATOR_SEED = 20_240_301L;

    private ArticleParser parser;
    private List<byte[]> seeds;
    private List<byte[]> generated;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        parser = new ArticleParser(ParseLimits.defaults());
        seeds = DocumentCorpus.seeds();
        if (seeds.size() != SEED_COUNT) {
            throw new IllegalStateException("expected " + SEED_COUNT + " seeds, found " + seeds.size());
        }
        generated = DocumentCorpus.generated(GENERATED_COUNT, GENERATOR_SEED);
    }

    @Benchmark
    @OperationsPerInvocation(SEED_COUNT)
    public void parseSeeds(final Blackhole blackhole) throws RejectedDocumentException {
        for (final byte[] document : seeds) {
            blackhole.consume(parser.parse(document));
        }
    }

    @Benchmark
    public ParsedArticle parseGenerated() throws RejectedDocumentException {
        return parser.parse(nextGenerated());
    }

    @Benchmark
    public List<Story> parseGeneratedIntoStories() throws RejectedDocumentException {
        return Stories.from(parser.parse(nextGenerated()));
    }

    private byte[] nextGenerated() {
        final byte[] document = generated.get(next);
        next = next + 1 == generated.size() ? 0 : next + 1;
        return document;
    }
}
