package io.heatwire.benchmarks.pipeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.heatwire.support.cli.BuildVersion;

/**
 * The benchmark's command line as picocli reads it: {@code --opt value} and {@code --opt=value},
 * {@code --help} and {@code --version}. Values stay text here; {@link BenchmarkOptions#parse}
 * checks them and says what is wrong in the user's terms.
 */
@Command(
        name = "./benchmark.sh",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        synopsisHeading = "usage: ",
        sortOptions = false,
        usageHelpWidth = 110,
        description = "The whole pipeline on a real local broker: a loadgen corpus through enrich-service at full "
                + "speed, then paced for latency after a warm-up corpus (or a fail-over run), with every figure and its "
                + "structure check.")
final class BenchmarkCommand {

    @Option(
            names = "--articles",
            paramLabel = "N[,N...]",
            defaultValue = "10000",
            description = "corpus sizes; each size runs on a fresh broker and fresh state (default ${DEFAULT-VALUE}; "
                    + "100000 and 1000000 for the scale check; k and M allowed)")
    String articles;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "loadgen seed (default ${DEFAULT-VALUE})")
    String seed;

    @Option(
            names = "--partitions",
            paramLabel = "P",
            defaultValue = "6",
            description = "partitions of the raw topic and of the broker baseline's topic (default ${DEFAULT-VALUE})")
    String partitions;

    @Option(
            names = "--instances",
            paramLabel = "N",
            defaultValue = "1",
            description = "enrich-service instances with one application id (default ${DEFAULT-VALUE})")
    String instances;

    @Option(
            names = "--paced-rate",
            paramLabel = "R",
            description = "articles/s of the latency run (default: half the measured maximum)")
    String pacedRate;

    @Option(names = "--no-latency", arity = "0", description = "skip the paced latency run")
    boolean noLatency;

    @Option(
            names = "--warm-up",
            paramLabel = "N",
            description = "before the latency run, on its broker and enrich-service: N other articles (their own "
                    + "story ids) published at full speed and processed, then left out of every latency figure "
                    + "(default " + BenchmarkOptions.DEFAULT_WARM_UP + "; 0: none, the latency run starts cold; "
                    + "k allowed)")
    String warmUp;

    @Option(
            names = "--ceiling",
            arity = "0",
            description = "run enrich-service without clustering (every story "
                    + "its own cluster, no cluster records): what the rest of the pipeline allows")
    boolean ceiling;

    @Option(
            names = "--with-ceiling",
            arity = "0",
            description = "after each full-speed run, the ceiling too (what --ceiling runs) at full speed on a fresh "
                    + "broker over the same documents: prints its articles/s and end to end ÷ ceiling")
    boolean withCeiling;

    @Option(names = "--json", paramLabel = "FILE", description = "write every figure as JSON")
    String json;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            defaultValue = ".heatwire/benchmark",
            description = "corpora, broker data, state and logs (default ${DEFAULT-VALUE})")
    String workDir;

    @Option(names = "--keep", arity = "0", description = "keep the work directory afterwards (a kept corpus is reused)")
    boolean keep;

    @Option(
            names = "--enrich-jvm-options",
            paramLabel = "\"OPTS\"",
            defaultValue = "-Xmx1g",
            description = "JVM options of enrich-service (default \"${DEFAULT-VALUE}\", as ./run.sh)")
    String enrichJvmOptions;

    @Option(
            names = "--stall-seconds",
            paramLabel = "S",
            defaultValue = "300",
            description = "fail when the pipeline makes no progress for S seconds (default ${DEFAULT-VALUE})")
    String stallSeconds;

    @Option(
            names = "--crash",
            paramLabel = "N",
            description = "after the full-speed run, a fail-over run on a fresh "
                    + "broker: enrich-service is stopped N times while it works and started again at once; reports the stall "
                    + "of each stop and the extra wall time (replaces the latency run)")
    String crash;

    @Option(
            names = "--crash-signal",
            paramLabel = "SIG",
            description = "KILL (default: a crash) or TERM (a clean stop)")
    String crashSignal;

    @Option(
            names = "--no-restart",
            arity = "0",
            description =
                    "a stopped instance stays down (needs --instances " + "above N): the loss of an instance for good")
    boolean noRestart;

    @Option(
            names = "--standby",
            paramLabel = "N",
            description = "num.standby.replicas of enrich-service (default 1 with several instances, else 0)")
    String standby;

    @Option(
            names = "--enrich-jar",
            paramLabel = "JAR",
            defaultValue = "enrich-service/target/enrich-service.jar",
            description = "enrich-service's packaged jar (default ${DEFAULT-VALUE})")
    String enrichJar;

    @Option(
            names = "--kafka-jar",
            paramLabel = "JAR",
            defaultValue = "local-kafka/target/local-kafka-exec.jar",
            description = "the broker's executable jar (default ${DEFAULT-VALUE})")
    String kafkaJar;

    @Option(
            names = "--loadgen-jar",
            paramLabel = "JAR",
            defaultValue = "loadgen/target/loadgen.jar",
            description = "loadgen's jar (default ${DEFAULT-VALUE})")
    String loadgenJar;
}
