package io.heatwire.benchmarks;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ParseBenchmark} and prints documents/s and MB/s per corpus.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.heatwire.benchmarks.ParseThroughput [--json FILE] [--quick]
 * </pre>
 *
 * {@code --json} also writes JMH's JSON result file; {@code --quick} shortens warm-up and
 * measurement for a smoke run.
 */
public final class ParseThroughput {

    private ParseThroughput() {}

    public static void main(final String[] args) throws RunnerException {
        String json = null;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json") && i + 1 < args.length) {
                json = args[++i];
            } else if (args[i].equals("--quick")) {
                quick = true;
            } else {
                throw new IllegalArgumentException("usage: ParseThroughput [--json FILE] [--quick]");
            }
        }
        final ChainedOptionsBuilder options = new OptionsBuilder().include(ParseBenchmark.class.getName() + ".*");
        if (quick) {
            options.warmupIterations(4)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1));
        }
        if (json != null) {
            options.result(json).resultFormat(ResultFormatType.JSON);
        }
        final Collection<RunResult> results = new Runner(options.build()).run();

        final double seedBytes = DocumentCorpus.totalBytes(DocumentCorpus.seeds()) / (double) ParseBenchmark.SEED_COUNT;
        final double generatedBytes = DocumentCorpus.totalBytes(
                        DocumentCorpus.generated(ParseBenchmark.GENERATED_COUNT, ParseBenchmark.GENERATOR_SEED))
                / (double) ParseBenchmark.GENERATED_COUNT;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-28s %12s %10s %12s%n", "benchmark (1 thread)", "docs/s", "MB/s", "avg doc B");
        for (final RunResult result : results) {
            final String name = result.getParams().getBenchmark();
            final String shortName = name.substring(name.lastIndexOf('.') + 1);
            final double docsPerSecond = result.getPrimaryResult().getScore();
            final double averageBytes = shortName.equals("parseSeeds") ? seedBytes : generatedBytes;
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %12.0f %10.1f %12.0f%n",
                    shortName,
                    docsPerSecond,
                    docsPerSecond * averageBytes / 1_000_000.0,
                    averageBytes);
        }
        if (json != null) {
            System.out.println("JMH results written to " + json);
        }
    }
}
