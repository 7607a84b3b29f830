package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;

import io.heatwire.support.contract.DefaultTopics;

/**
 * The fail-over run ({@code --crash N}): every document published at full speed, and an instance
 * stopped N times while it works, each time when the raw offsets committed reach the next of N
 * evenly spread points; started again at once unless {@code --no-restart}. Each stop is timed from
 * the signal until every raw partition that had records left has committed further (the stall).
 */
final class FailOverRun {

    static final String SEQUENCE_WARNING = "OUT_OF_ORDER_SEQUENCE_NUMBER";
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);

    /** The stops and when the run ended. */
    record Result(List<RunResult.Stop> stops, PipelineWatch.Caught caught, Publisher.Published published) {}

    private final Deployment deployment;
    private final FailOverPlan plan;
    private final Duration stallTimeout;
    private final ProgressLine progress;
    private final PipelineWatch watch;
    private final Set<TopicPartition> raw;

    private FailOverRun(
            final Deployment deployment,
            final FailOverPlan plan,
            final Duration stallTimeout,
            final ProgressLine progress)
            throws ExecutionException, InterruptedException {
        this.deployment = deployment;
        this.plan = plan;
        this.stallTimeout = stallTimeout;
        this.progress = progress;
        this.watch = deployment.watch();
        this.raw = watch.partitions(Set.of(DefaultTopics.RAW));
    }

    static Result run(
            final Deployment deployment,
            final Corpus corpus,
            final FailOverPlan plan,
            final Duration stallTimeout,
            final ProgressLine progress)
            throws IOException, InterruptedException, ExecutionException {
        return new FailOverRun(deployment, plan, stallTimeout, progress).run(corpus);
    }

    private Result run(final Corpus corpus) throws IOException, InterruptedException, ExecutionException {
        final Publisher.Published published =
                Publisher.publish(deployment.bootstrapServers(), DefaultTopics.RAW, corpus, 0, progress);
        final List<RunResult.Stop> stops = new ArrayList<>();
        for (int stop = 1; stop <= plan.stops(); stop++) {
            final long target = plan.stopAt(stop, corpus.size());
            awaitRawCommitted(target);
            stops.add(stop(stop));
            final RunResult.Stop last = stops.get(stops.size() - 1);
            progress.say(String.format(
                    Locale.ROOT,
                    "stop %d (SIG%s %s at %,d raw records committed): exited after %.1f s, "
                            + "first commit after %.1f s, every raw partition after %.1f s%s",
                    stop,
                    plan.signal(),
                    last.instance(),
                    last.rawCommitted(),
                    last.exitSeconds(),
                    last.firstCommitSeconds(),
                    last.resumedSeconds(),
                    Double.isNaN(last.readySeconds())
                            ? ""
                            : String.format(Locale.ROOT, ", ready after %.1f s", last.readySeconds())));
        }
        final PipelineWatch.Caught caught =
                watch.await(0, corpus.size(), published.startNanos(), stallTimeout, deployment::enrichAlive, progress);
        return new Result(stops, caught, published);
    }

    private RunResult.Stop stop(final int stop) throws IOException, InterruptedException, ExecutionException {
        final int index = plan.instanceOf(stop, deployment.instances().size());
        final long rawCommitted = rawCommitted(watch.committedOffsets());
        final long signalled = System.nanoTime();
        final EnrichService stopped = deployment.stop(index, plan.signal(), EXIT_TIMEOUT);
        final double exitSeconds = (System.nanoTime() - signalled) / 1e9;
        // After the exit: a clean stop commits what it processed, which is not processing resumed.
        final Map<TopicPartition, Long> before = watch.committedOffsets();
        final Set<TopicPartition> lagging = Stall.lagging(DefaultTopics.RAW, before, watch.endOffsets(raw));
        final EnrichService restarted = plan.restart() ? deployment.restart(index, stopped) : null;
        double firstCommit = Double.NaN;
        double resumed = Double.NaN;
        double ready = restarted == null ? Double.NaN : -1;
        final long deadline = signalled + stallTimeout.toNanos();
        while (Double.isNaN(resumed) || ready < 0) {
            if (!deployment.enrichAlive()) {
                throw new IllegalStateException("enrich-service exited after stop " + stop);
            }
            final double now = (System.nanoTime() - signalled) / 1e9;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "processing did not resume within " + stallTimeout.toSeconds() + " s of stop " + stop);
            }
            final Map<TopicPartition, Long> committed = watch.committedOffsets();
            if (Double.isNaN(firstCommit) && Stall.sum(committed) > Stall.sum(before)) {
                firstCommit = now;
            }
            if (Double.isNaN(resumed) && Stall.resumed(lagging, before, committed)) {
                resumed = now;
            }
            if (ready < 0 && restarted.ready()) {
                ready = now;
            }
            progress.update(String.format(
                    Locale.ROOT,
                    "stop %d: %.0f s since SIG%s, %d raw partitions waiting",
                    stop,
                    now,
                    plan.signal(),
                    lagging.size()));
            TimeUnit.MILLISECONDS.sleep(PipelineWatch.POLL.toMillis());
        }
        return new RunResult.Stop(
                stopped.log().getFileName().toString().replaceFirst("\\.log$", ""),
                rawCommitted,
                exitSeconds,
                Double.isNaN(firstCommit) ? resumed : firstCommit,
                resumed,
                ready);
    }

    private void awaitRawCommitted(final long target) throws InterruptedException, ExecutionException {
        final long deadline = System.nanoTime() + stallTimeout.toNanos();
        long committed;
        while ((committed = rawCommitted(watch.committedOffsets())) < target) {
            if (!deployment.enrichAlive()) {
                throw new IllegalStateException("enrich-service exited while the benchmark waited for it");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("enrich-service did not commit " + target + " raw records within "
                        + stallTimeout.toSeconds() + " s");
            }
            progress.update(String.format(
                    Locale.ROOT,
                    "fail-over run: %,d of %,d raw records committed before the next stop",
                    committed,
                    target));
            TimeUnit.MILLISECONDS.sleep(PipelineWatch.POLL.toMillis());
        }
    }

    private long rawCommitted(final Map<TopicPartition, Long> committed) {
        return raw.stream()
                .mapToLong(partition -> committed.getOrDefault(partition, 0L))
                .sum();
    }

    /** Lines naming {@code text} in the enrich-service logs of a directory (the GC logs excluded). */
    static long linesContaining(final Path logs, final String text) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            long lines = 0;
            for (final Path log : files.filter(
                            file -> file.getFileName().toString().startsWith("enrich-")
                                    && !file.getFileName().toString().endsWith("-gc.log"))
                    .toList()) {
                try (Stream<String> content = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    lines += content.filter(line -> line.contains(text)).count();
                }
            }
            return lines;
        }
    }
}
