package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import picocli.CommandLine;
import tools.jackson.databind.node.ObjectNode;

import io.heatwire.support.contract.DefaultTopics;

/**
 * The pipeline benchmark (issue 7; SPEC 15): for each corpus size, a real broker, enrich-service
 * from its packaged jar with exactly-once on, loadgen's documents published at full speed and
 * then paced at half the measured maximum; prints a table per size (and a scale table), writes
 * every figure as JSON, and fails when the pipeline's clusters differ from what loadgen planned.
 *
 * <pre>
 * ./benchmark.sh [--articles 10000,100000,1000000] [--json FILE] [options]
 * </pre>
 *
 * Exit codes: 0 every run right, 1 a structure differs or a run failed, 2 bad arguments or missing jars.
 */
public final class PipelineBenchmark {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    /** Written into the work directory: only a directory holding it is ever emptied. */
    static final String MARKER = ".heatwire-benchmark";

    private PipelineBenchmark() {}

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(BenchmarkOptions.USAGE);
            return EXIT_OK;
        }
        if (List.of(args).contains("--version") || List.of(args).contains("-V")) {
            new CommandLine(new BenchmarkCommand()).printVersionHelp(out);
            return EXIT_OK;
        }
        final BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
            for (final Path jar : List.of(options.enrichJar(), options.kafkaJar(), options.loadgenJar())) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalArgumentException(jar + " is missing: build it first (./benchmark.sh does)");
                }
            }
            prepareWorkDir(options.workDir());
        } catch (IllegalArgumentException e) {
            err.println("benchmark: " + e.getMessage());
            err.print(BenchmarkOptions.USAGE);
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("benchmark: " + e.getMessage());
            return EXIT_USAGE;
        }

        final long started = System.nanoTime();
        final JsonReport.Environment environment = new JsonReport.Environment(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                commit(),
                String.join(
                        " ",
                        Stream.concat(Stream.of("./benchmark.sh"), Stream.of(args))
                                .toList()),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.printf(
                "heatwire pipeline benchmark, commit %s, %s, %d cores, %s%n",
                environment.commit(), environment.startedAt(), environment.cores(), environment.java());
        if (options.ceiling()) {
            out.println("CEILING: enrich-service runs without clustering (every story its own cluster, no cluster "
                    + "records); compare its figures with a normal run's");
        }
        out.flush();
        final ProgressLine progress = new ProgressLine(err, System.console() != null);
        final List<RunResult> runs = new ArrayList<>();
        String error = null;
        try (ChildProcesses children = new ChildProcesses()) {
            final SizeRun sizeRun = new SizeRun(options, children, progress, err);
            for (final int articles : options.articles()) {
                final RunResult result = sizeRun.run(articles);
                runs.add(result);
                Report.run(result, DefaultTopics.RAW).forEach(out::println);
                out.flush();
            }
        } catch (Exception e) {
            progress.done();
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            err.println("benchmark: the run failed: " + error);
            if (e.getCause() != null) {
                err.println("  caused by " + e.getCause());
            }
            err.println("  logs are in " + options.workDir() + " (kept)");
        }
        if (runs.size() > 1) {
            Report.scale(runs).forEach(out::println);
        }
        final boolean passed = error == null && runs.stream().allMatch(RunResult::passed);
        if (options.json() != null) {
            final ObjectNode json = JsonReport.of(environment, options, runs);
            json.put("passed", passed);
            if (error != null) {
                json.put("error", error);
            }
            try {
                JsonReport.write(options.json(), json);
                err.println("figures written to " + options.json());
            } catch (IOException e) {
                err.println("benchmark: could not write " + options.json() + ": " + e.getMessage());
                return EXIT_FAILED;
            }
        }
        if (error == null && !options.keep()) {
            try {
                FileTrees.delete(options.workDir());
            } catch (IOException e) {
                err.println("benchmark: could not delete " + options.workDir() + ": " + e.getMessage());
            }
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "benchmark %s in %s%n",
                passed ? "PASSED" : "FAILED",
                Formats.duration((System.nanoTime() - started) / 1e9));
        return passed ? EXIT_OK : EXIT_FAILED;
    }

    /** Creates the work directory, or takes over one a previous benchmark left; refuses any other. */
    static void prepareWorkDir(final Path workDir) throws IOException {
        if (Files.isDirectory(workDir) && !Files.exists(workDir.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(workDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(workDir + " is not empty and was not made by the benchmark; "
                            + "give an empty or new --work-dir");
                }
            }
        }
        Files.createDirectories(workDir);
        Files.writeString(
                workDir.resolve(MARKER),
                "made by the heatwire pipeline benchmark; deleted after a run " + "without --keep\n",
                StandardCharsets.UTF_8);
    }

    /** The checkout's short commit, {@code -dirty} when tracked files have changes; "unknown" outside git. */
    static String commit() {
        final String head = git("rev-parse", "--short", "HEAD");
        if (head == null || head.isEmpty()) {
            return "unknown";
        }
        final String status = git("status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + "-dirty";
    }

    private static String git(final String... args) {
        try {
            final List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            final Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
