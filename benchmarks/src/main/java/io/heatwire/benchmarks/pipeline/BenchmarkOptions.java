package io.heatwire.benchmarks.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@link PipelineBenchmark}.
 *
 * @param articles          corpus sizes, each run on a fresh broker and fresh state
 * @param seed              loadgen's seed: the same size and seed give byte-identical documents
 * @param partitions        partitions of the raw topic (and of the scratch topic of the broker baseline)
 * @param instances         enrich-service instances with one application id
 * @param pacedRate         articles/s of the latency run; null: half the measured maximum
 * @param latency           whether to run the paced latency run at all
 * @param ceiling           run enrich-service without clustering (every story its own cluster): the
 *                          ceiling every clustering design is bounded by
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
        boolean ceiling,
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

    static final String USAGE = """
            usage: ./benchmark.sh [--articles N[,N...]] [--seed S] [--partitions P] [--instances N]
                                  [--paced-rate R | --no-latency] [--ceiling] [--json FILE] [--work-dir DIR]
                                  [--keep] [--enrich-jvm-options "OPTS"] [--stall-seconds S]
                                  [--crash N [--crash-signal KILL|TERM] [--no-restart]] [--standby N]

              --articles N,...     corpus sizes; each size runs on a fresh broker and fresh state
                                   (default 10000; 100000 and 1000000 for the scale check; k and M allowed)
              --seed S             loadgen seed (default 1)
              --partitions P       partitions of the raw topic and of the broker baseline's topic (default 6)
              --instances N        enrich-service instances with one application id (default 1)
              --paced-rate R       articles/s of the latency run (default: half the measured maximum)
              --no-latency         skip the paced latency run
              --ceiling            run enrich-service without clustering (every story its own cluster, no
                                   cluster records): what the rest of the pipeline allows
              --json FILE          write every figure as JSON
              --work-dir DIR       corpora, broker data, state and logs (default .heatwire/benchmark)
              --keep               keep the work directory afterwards (a kept corpus is reused)
              --enrich-jvm-options JVM options of enrich-service (default "-Xmx1g", as ./run.sh)
              --stall-seconds S    fail when the pipeline makes no progress for S seconds (default 300)
              --crash N            after the full-speed run, a fail-over run on a fresh broker: enrich-service
                                   is stopped N times while it works and started again at once; reports the
                                   stall of each stop and the extra wall time (replaces the latency run)
              --crash-signal SIG   KILL (default: a crash) or TERM (a clean stop)
              --no-restart         a stopped instance stays down (needs --instances above N): the
                                   loss of an instance for good
              --standby N          num.standby.replicas of enrich-service (default 1 with several
                                   instances, else 0)
            """;

    static final int MAX_ARTICLES = 2_000_000;

    private static final Set<String> VALUE_FLAGS = Set.of("--articles", "--seed", "--partitions", "--instances",
            "--paced-rate", "--json", "--work-dir", "--enrich-jvm-options", "--stall-seconds", "--enrich-jar",
            "--kafka-jar", "--loadgen-jar", "--crash", "--crash-signal", "--standby");

    BenchmarkOptions {
        articles = List.copyOf(articles);
        enrichJvmOptions = List.copyOf(enrichJvmOptions);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
    static BenchmarkOptions parse(final String... args) {
        List<Integer> articles = List.of(10_000);
        long seed = 1;
        int partitions = 6;
        int instances = 1;
        Double pacedRate = null;
        boolean latency = true;
        boolean ceiling = false;
        boolean keep = false;
        Path workDir = Path.of(".heatwire", "benchmark");
        Path json = null;
        List<String> jvm = List.of("-Xmx1g");
        Duration stall = Duration.ofSeconds(300);
        Path enrichJar = Path.of("enrich-service", "target", "enrich-service.jar");
        Path kafkaJar = Path.of("local-kafka", "target", "local-kafka-exec.jar");
        Path loadgenJar = Path.of("loadgen", "target", "loadgen.jar");
        int crashes = 0;
        FailOverPlan.Signal signal = FailOverPlan.Signal.KILL;
        boolean restart = true;
        boolean signalGiven = false;
        Integer standby = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = null;
            final int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            }
            if (flag.equals("--keep") || flag.equals("--no-latency") || flag.equals("--ceiling")
                    || flag.equals("--no-restart")) {
                if (value != null) {
                    throw new IllegalArgumentException(flag + " takes no value");
                }
                switch (flag) {
                    case "--keep" -> keep = true;
                    case "--ceiling" -> ceiling = true;
                    case "--no-restart" -> restart = false;
                    default -> latency = false;
                }
                continue;
            }
            if (!VALUE_FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = args[++i];
            }
            switch (flag) {
                case "--articles" -> articles = sizes(value);
                case "--seed" -> seed = number(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--partitions" -> partitions = (int) number(flag, value, 1, 1000);
                case "--instances" -> instances = (int) number(flag, value, 1, 64);
                case "--paced-rate" -> pacedRate = positive(flag, value);
                case "--json" -> json = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--enrich-jvm-options" -> jvm = List.of(value.trim().split("\\s+"));
                case "--stall-seconds" -> stall = Duration.ofSeconds(number(flag, value, 10, 86_400));
                case "--enrich-jar" -> enrichJar = Path.of(value);
                case "--kafka-jar" -> kafkaJar = Path.of(value);
                case "--loadgen-jar" -> loadgenJar = Path.of(value);
                case "--crash" -> crashes = (int) number(flag, value, 1, 20);
                case "--standby" -> standby = (int) number(flag, value, 0, 10);
                case "--crash-signal" -> {
                    signal = FailOverPlan.Signal.parse(value);
                    signalGiven = true;
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (pacedRate != null && !latency) {
            throw new IllegalArgumentException("--paced-rate and --no-latency exclude each other");
        }
        if (crashes == 0 && (signalGiven || !restart)) {
            throw new IllegalArgumentException("--crash-signal and --no-restart need --crash N");
        }
        if (!restart && crashes >= instances) {
            throw new IllegalArgumentException("--no-restart needs more --instances than --crash stops, so one is left");
        }
        return new BenchmarkOptions(articles, seed, partitions, instances, pacedRate, latency, ceiling, keep, workDir,
                json,
                jvm.size() == 1 && jvm.get(0).isEmpty() ? List.of() : jvm, stall, enrichJar, kafkaJar, loadgenJar,
                crashes == 0 ? null : new FailOverPlan(crashes, signal, restart),
                standby != null ? standby : instances > 1 ? 1 : 0);
    }

    /** {@code 10000,100k,1M}: sizes in the order given. */
    static List<Integer> sizes(final String value) {
        final List<Integer> sizes = new ArrayList<>();
        for (final String part : value.split(",")) {
            String text = part.trim().replace("_", "").toLowerCase(Locale.ROOT);
            long factor = 1;
            if (text.endsWith("k")) {
                factor = 1_000;
                text = text.substring(0, text.length() - 1);
            } else if (text.endsWith("m")) {
                factor = 1_000_000;
                text = text.substring(0, text.length() - 1);
            }
            final long size = number("--articles", text, 1, MAX_ARTICLES) * factor;
            if (size > MAX_ARTICLES) {
                throw new IllegalArgumentException("--articles must be at most " + MAX_ARTICLES + ": " + part);
            }
            sizes.add((int) size);
        }
        return sizes;
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
