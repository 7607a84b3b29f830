package io.heatwire.benchmarks.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The command line of {@link PipelineBenchmark}.
 *
 * @param articles          corpus sizes, each run on a fresh broker and fresh state
 * @param seed              loadgen's seed: the same size and seed give byte-identical documents
 * @param partitions        partitions of the raw topic (and of the scratch topic of the broker baseline)
 * @param instances         enrich-service instances with one application id
 * @param pacedRate         articles/s of the latency run; null: half the measured maximum
 * @param latency           whether to run the paced latency run at all
 * @param warmUp            articles of the warm-up corpus published and processed before the latency
 *                          run, on its broker and enrich-service, and left out of its figures; 0 for none
 *                          (and whenever there is no latency run)
 * @param ceiling           run enrich-service without clustering (every story its own cluster): the
 *                          ceiling every clustering design is bounded by
 * @param withCeiling       after each full-speed run, a ceiling run on a fresh broker over the same
 *                          corpus, to compare with
 * @param keep              keep the work directory (broker data, state, logs, corpus) afterwards
 * @param workDir           where corpora, broker data, state and logs go
 * @param json              where to write every figure, or null
 * @param enrichJvmOptions  JVM options of each enrich-service process
 * @param stallTimeout      how long the pipeline may make no progress at all before the run fails
 * @param enrichJar         enrich-service's packaged jar
 * @param kafkaJar          local-kafka's executable jar (the broker)
 * @param loadgenJar        loadgen's jar (the corpus)
 * @param failOver          the fail-over run after the full-speed run; null when not asked for
 * @param standbyReplicas   {@code num.standby.replicas} of enrich-service: 1 with several instances, else 0
 */
record BenchmarkOptions(
        List<Integer> articles,
        long seed,
        int partitions,
        int instances,
        Double pacedRate,
        boolean latency,
        int warmUp,
        boolean ceiling,
        boolean withCeiling,
        boolean keep,
        Path workDir,
        Path json,
        List<String> enrichJvmOptions,
        Duration stallTimeout,
        Path enrichJar,
        Path kafkaJar,
        Path loadgenJar,
        FailOverPlan failOver,
        int standbyReplicas) {

    /** {@code --help}: generated from {@link BenchmarkCommand}, so it lists exactly what is parsed. */
    static final String USAGE = new CommandLine(new BenchmarkCommand()).getUsageMessage();

    static final int MAX_ARTICLES = 2_000_000;

    /** Articles of the warm-up corpus: about the first fifth of the default corpus, whose JIT compilation used to dominate p99. */
    static final int DEFAULT_WARM_UP = 2_000;

    BenchmarkOptions {
        articles = List.copyOf(articles);
        enrichJvmOptions = List.copyOf(enrichJvmOptions);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
    static BenchmarkOptions parse(final String... args) {
        final BenchmarkCommand command = new BenchmarkCommand();
        try {
            new CommandLine(command).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        final int instances = (int) number("--instances", command.instances, 1, 64);
        final Double pacedRate = command.pacedRate == null ? null : positive("--paced-rate", command.pacedRate);
        final int crashes = command.crash == null ? 0 : (int) number("--crash", command.crash, 1, 20);
        final FailOverPlan.Signal signal =
                command.crashSignal == null ? FailOverPlan.Signal.KILL : FailOverPlan.Signal.parse(command.crashSignal);
        final boolean restart = !command.noRestart;
        if (pacedRate != null && command.noLatency) {
            throw new IllegalArgumentException("--paced-rate and --no-latency exclude each other");
        }
        // The fail-over run takes the latency run's place.
        final boolean latencyRun = !command.noLatency && crashes == 0;
        if (command.warmUp != null && !latencyRun) {
            throw new IllegalArgumentException(
                    "--warm-up belongs to the latency run: not with --no-latency or --crash");
        }
        final int warmUp =
                !latencyRun ? 0 : command.warmUp == null ? DEFAULT_WARM_UP : size("--warm-up", command.warmUp, 0);
        if (command.ceiling && command.withCeiling) {
            throw new IllegalArgumentException(
                    "--with-ceiling adds a ceiling run to a normal one; --ceiling alone runs only the ceiling");
        }
        if (crashes == 0 && (command.crashSignal != null || !restart)) {
            throw new IllegalArgumentException("--crash-signal and --no-restart need --crash N");
        }
        if (!restart && crashes >= instances) {
            throw new IllegalArgumentException(
                    "--no-restart needs more --instances than --crash stops, so one is left");
        }
        final String jvm = command.enrichJvmOptions.trim();
        final Integer standby = command.standby == null ? null : (int) number("--standby", command.standby, 0, 10);
        return new BenchmarkOptions(
                sizes(command.articles),
                number("--seed", command.seed, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) number("--partitions", command.partitions, 1, 1000),
                instances,
                pacedRate,
                !command.noLatency,
                warmUp,
                command.ceiling,
                command.withCeiling,
                command.keep,
                Path.of(command.workDir),
                command.json == null ? null : Path.of(command.json),
                jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")),
                Duration.ofSeconds(number("--stall-seconds", command.stallSeconds, 10, 86_400)),
                Path.of(command.enrichJar),
                Path.of(command.kafkaJar),
                Path.of(command.loadgenJar),
                crashes == 0 ? null : new FailOverPlan(crashes, signal, restart),
                standby != null ? standby : instances > 1 ? 1 : 0);
    }

    /** {@code 10000,100k,1M}: sizes in the order given. */
    static List<Integer> sizes(final String value) {
        final List<Integer> sizes = new ArrayList<>();
        for (final String part : value.split(",")) {
            sizes.add(size("--articles", part, 1));
        }
        return sizes;
    }

    /** One number of articles, {@code min} to {@link #MAX_ARTICLES}; {@code k} and {@code M} allowed. */
    static int size(final String flag, final String value, final long min) {
        String text = value.trim().replace("_", "").toLowerCase(Locale.ROOT);
        long factor = 1;
        if (text.endsWith("k")) {
            factor = 1_000;
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            factor = 1_000_000;
            text = text.substring(0, text.length() - 1);
        }
        final long size = number(flag, text, min, MAX_ARTICLES) * factor;
        if (size > MAX_ARTICLES) {
            throw new IllegalArgumentException(flag + " must be at most " + MAX_ARTICLES + ": " + value);
        }
        return (int) size;
    }

    private static long number(final String flag, final String value, final long min, final long max) {
        final long number;
        try {
            number = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number: " + value, e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ": " + value);
        }
        return number;
    }

    private static double positive(final String flag, final String value) {
        final double number;
        try {
            number = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number: " + value, e);
        }
        if (!(number > 0) || Double.isInfinite(number)) {
            throw new IllegalArgumentException(flag + " must be positive: " + value);
        }
        return number;
    }
}
