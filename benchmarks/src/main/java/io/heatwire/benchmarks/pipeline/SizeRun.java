package io.heatwire.benchmarks.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.heatwire.support.contract.DefaultTopics;

/**
 * One corpus size, start to end: the corpus, the parse baseline, then on a fresh broker the broker
 * baseline and the full-speed run, then on another fresh broker the warm-up and the paced latency
 * run. Each phase runs alone, so none takes CPU from another on a small machine.
 */
final class SizeRun {

    static final String TIMER = "heatwire_enrich_end_to_end_latency_seconds";

    /** loadgen's {@code --id-namespace} of the warm-up corpus: none of its story ids is the measured corpus'. */
    static final String WARM_UP_NAMESPACE = "warm-up";

    private static final Duration PROBE_GRACE = Duration.ofSeconds(30);

    private final BenchmarkOptions options;
    private final ChildProcesses children;
    private final ProgressLine progress;
    private final PrintStream log;
    private final long ticksPerSecond;

    SizeRun(
            final BenchmarkOptions options,
            final ChildProcesses children,
            final ProgressLine progress,
            final PrintStream log) {
        this.options = options;
        this.children = children;
        this.progress = progress;
        this.log = log;
        this.ticksPerSecond = ProcFiles.clockTicksPerSecond();
    }

    /** What the full-speed run measured. */
    private record Full(
            RunResult.Throughput throughput,
            RunResult.Usage usage,
            double brokerCpuSeconds,
            double otherCpuSeconds,
            Map<String, Double> threadCpuSeconds,
            long stateBytes,
            List<RunResult.TopicRow> topics,
            StructureCheck.Result structure) {}

    /** What the paced run measured. */
    private record Paced(RunResult.Latency latency, StructureCheck.Result structure) {}

    RunResult run(final int articles) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        final Path corpusDir = options.workDir().resolve("corpus-" + articles + "-seed-" + options.seed());
        final Corpus corpus =
                Corpus.prepare(children, options.loadgenJar(), articles, options.seed(), "", corpusDir, log);
        final Corpus warmUp = options.warmUp() == 0
                ? null
                : Corpus.prepare(
                        children,
                        options.loadgenJar(),
                        options.warmUp(),
                        options.seed(),
                        WARM_UP_NAMESPACE,
                        options.workDir()
                                .resolve("corpus-" + options.warmUp() + "-seed-" + options.seed() + "-"
                                        + WARM_UP_NAMESPACE),
                        log);
        final ExpectedClusters expected = ExpectedClusters.read(corpus.expectedFile());
        final Set<String> bridgeStories = expected.bridges().stream()
                .map(ExpectedClusters.Bridge::storyId)
                .collect(Collectors.toSet());

        progress.say(
                String.format(Locale.ROOT, "parse baseline: ArticleParser on one thread over %,d documents", articles));
        final RunResult.ParseRate parse = ParseBaseline.measure(corpus);

        final Path runDir = options.workDir().resolve("run-" + articles);
        FileTrees.delete(runDir);
        final RunResult.BrokerRate broker;
        final Full full;
        progress.say(
                "starting a fresh broker (logs in " + runDir.resolve("full").resolve("logs") + ")");
        try (Deployment deployment = Deployment.startBroker(children, options.kafkaJar(), runDir.resolve("full"))) {
            progress.say("broker baseline: producing and consuming the same documents on a scratch topic");
            broker = BrokerBaseline.measure(deployment.bootstrapServers(), options.partitions(), corpus, progress);
            deployment.startEnrich(options, options.ceiling(), progress);
            progress.say(String.format(Locale.ROOT, "full-speed run: publishing %,d documents", articles));
            full = fullSpeed(deployment, corpus, expected, bridgeStories, options.ceiling());
        }

        RunResult.Ceiling ceiling = null;
        if (options.withCeiling()) {
            progress.say("starting a fresh broker for the ceiling run (logs in "
                    + runDir.resolve("ceiling").resolve("logs") + ")");
            try (Deployment deployment =
                    Deployment.startBroker(children, options.kafkaJar(), runDir.resolve("ceiling"))) {
                deployment.startEnrich(options, true, progress);
                progress.say(String.format(
                        Locale.ROOT,
                        "ceiling run: publishing %,d documents, enrich-service without clustering",
                        articles));
                final Full run = fullSpeed(deployment, corpus, expected, bridgeStories, true);
                ceiling = new RunResult.Ceiling(run.throughput(), run.usage().cpuSeconds(), run.structure());
            }
        }

        RunResult.FailOver failOver = null;
        if (options.failOver() != null) {
            progress.say("starting a fresh broker for the fail-over run (logs in "
                    + runDir.resolve("fail-over").resolve("logs") + ")");
            try (Deployment deployment =
                    Deployment.startBroker(children, options.kafkaJar(), runDir.resolve("fail-over"))) {
                deployment.startEnrich(options, options.ceiling(), progress);
                progress.say(String.format(
                        Locale.ROOT,
                        "fail-over run: publishing %,d documents, %d stops (SIG%s%s)",
                        articles,
                        options.failOver().stops(),
                        options.failOver().signal(),
                        options.failOver().restart() ? ", started again at once" : ", not started again"));
                failOver = failOver(
                        deployment,
                        corpus,
                        expected,
                        bridgeStories,
                        full.throughput().seconds());
            }
        }

        Paced paced = null;
        if (options.latency() && failOver == null) {
            final double rate = options.pacedRate() != null
                    ? options.pacedRate()
                    : full.throughput().articlesPerSecond() / 2;
            progress.say("starting a fresh broker for the latency run (logs in "
                    + runDir.resolve("paced").resolve("logs") + ")");
            try (Deployment deployment =
                    Deployment.startBroker(children, options.kafkaJar(), runDir.resolve("paced"))) {
                deployment.startEnrich(options, options.ceiling(), progress);
                paced = paced(deployment, corpus, expected, bridgeStories, warmUp, rate);
            }
        }
        if (!options.keep()) {
            FileTrees.delete(runDir);
        }
        return new RunResult(
                articles,
                options.seed(),
                corpus.bytes(),
                options.partitions(),
                options.instances(),
                full.structure(),
                paced == null ? null : paced.structure(),
                full.throughput(),
                paced == null ? null : paced.latency(),
                parse,
                broker,
                full.usage(),
                full.brokerCpuSeconds(),
                full.otherCpuSeconds(),
                full.stateBytes(),
                full.topics(),
                full.threadCpuSeconds(),
                failOver,
                ceiling);
    }

    private RunResult.FailOver failOver(
            final Deployment deployment,
            final Corpus corpus,
            final ExpectedClusters expected,
            final Set<String> bridgeStories,
            final double cleanSeconds)
            throws IOException, InterruptedException, ExecutionException {
        final FailOverRun.Result run =
                FailOverRun.run(deployment, corpus, options.failOver(), options.stallTimeout(), progress);
        final double seconds = (run.caught().lastChangeNanos() - run.published().startNanos()) / 1e9;
        progress.say(String.format(
                Locale.ROOT,
                "caught up after the stops: %,d articles in %.1f s; reading the outputs",
                corpus.size(),
                seconds));
        final StructureCheck.Result structure = checkStructure(deployment, expected, bridgeStories, options.ceiling());
        return new RunResult.FailOver(
                options.failOver(),
                run.stops(),
                seconds,
                cleanSeconds,
                structure,
                FailOverRun.linesContaining(deployment.logs(), FailOverRun.SEQUENCE_WARNING));
    }

    /** The corpus at full speed; {@code ceiling} when enrich-service runs without clustering. */
    private Full fullSpeed(
            final Deployment deployment,
            final Corpus corpus,
            final ExpectedClusters expected,
            final Set<String> bridgeStories,
            final boolean ceiling)
            throws IOException, InterruptedException, ExecutionException {
        final List<EnrichService> instances = deployment.instances();
        final long[] cpuBefore = new long[instances.size()];
        final int[] gcLinesBefore = new int[instances.size()];
        final Map<String, Long> threadsBefore = new HashMap<>();
        for (int i = 0; i < instances.size(); i++) {
            cpuBefore[i] = cpuTicks(instances.get(i).pid());
            gcLinesBefore[i] = GcLog.lineCount(instances.get(i).gcLog());
            threadTicks(instances.get(i).pid()).forEach((group, ticks) -> threadsBefore.merge(group, ticks, Long::sum));
        }
        final long brokerBefore = cpuTicks(deployment.broker().pid());
        final long selfBefore = cpuTicks(ProcessHandle.current().pid());
        final long machineBefore = machineBusyTicks();

        long cpuTicks = 0;
        long peakRss = 0;
        long totalPeakRss = 0;
        long peakHeap = 0;
        long peakAfterGc = 0;
        int gcPauses = 0;
        double gcSeconds = 0;
        final Map<String, Long> threadsAfter = new HashMap<>();
        final Publisher.Published published =
                Publisher.publish(deployment.bootstrapServers(), DefaultTopics.RAW, corpus, 0, progress);
        final PipelineWatch.Caught caught = caughtUp(deployment, 0, corpus.size(), published);
        for (int i = 0; i < instances.size(); i++) {
            final EnrichService instance = instances.get(i);
            cpuTicks += cpuTicks(instance.pid()) - cpuBefore[i];
            threadTicks(instance.pid()).forEach((group, ticks) -> threadsAfter.merge(group, ticks, Long::sum));
            final long rss = peakRss(instance.pid());
            peakRss = Math.max(peakRss, rss);
            totalPeakRss += rss;
            final GcLog.Summary gc = GcLog.summarize(instance.gcLog(), gcLinesBefore[i]);
            peakHeap = Math.max(peakHeap, gc.peakBeforeGcBytes());
            peakAfterGc = Math.max(peakAfterGc, gc.peakAfterGcBytes());
            gcPauses += gc.pauses();
            gcSeconds += gc.pauseSeconds();
        }
        final long brokerTicks = cpuTicks(deployment.broker().pid()) - brokerBefore;
        final long selfTicks = cpuTicks(ProcessHandle.current().pid()) - selfBefore;
        final long otherTicks = Math.max(0, machineBusyTicks() - machineBefore - cpuTicks - brokerTicks - selfTicks);
        final Map<String, Double> threadSeconds = new TreeMap<>();
        threadsAfter.forEach((group, ticks) -> {
            final long used = ticks - threadsBefore.getOrDefault(group, 0L);
            if (used > 0) {
                threadSeconds.put(group, used / (double) ticksPerSecond);
            }
        });
        final RunResult.Throughput throughput = new RunResult.Throughput(
                corpus.size(),
                corpus.bytes(),
                (caught.lastChangeNanos() - published.startNanos()) / 1e9,
                (published.finishedNanos() - published.startNanos()) / 1e9);
        progress.say(String.format(
                Locale.ROOT,
                "caught up: %,d articles in %.1f s (%.1f articles/s); reading the outputs",
                corpus.size(),
                throughput.seconds(),
                throughput.articlesPerSecond()));
        final List<RunResult.TopicRow> topics = TopicFootprint.read(
                deployment.admin(),
                DefaultTopics.RAW,
                Deployment.APPLICATION_ID,
                Set.of(Deployment.STORY_EVENTS_TOPIC),
                BrokerBaseline.SCRATCH_TOPIC);
        final StructureCheck.Result structure = checkStructure(deployment, expected, bridgeStories, ceiling);
        final long stateBytes = deployment.stopEnrichAndMeasureState();
        final RunResult.Usage usage = new RunResult.Usage(
                instances.size(),
                peakRss,
                totalPeakRss,
                peakHeap,
                peakAfterGc,
                gcPauses,
                gcSeconds,
                cpuTicks / (double) ticksPerSecond);
        return new Full(
                throughput,
                usage,
                brokerTicks / (double) ticksPerSecond,
                otherTicks / (double) ticksPerSecond,
                threadSeconds,
                stateBytes,
                topics,
                structure);
    }

    /**
     * The warm-up corpus at full speed, if any, until enrich-service has processed it; then the
     * measured corpus paced at {@code rate}, its latencies and enrich-service's timer counted from
     * then on. The structure is checked against both corpora.
     */
    private Paced paced(
            final Deployment deployment,
            final Corpus corpus,
            final ExpectedClusters expected,
            final Set<String> bridgeStories,
            final Corpus warmUp,
            final double rate)
            throws InterruptedException {
        ExpectedClusters expectedAll = expected;
        final Set<String> bridgesAll = new HashSet<>(bridgeStories);
        double warmUpSeconds = 0;
        if (warmUp != null) {
            progress.say(String.format(
                    Locale.ROOT,
                    "warm-up: publishing %,d other documents at full speed (not measured)",
                    warmUp.size()));
            final Publisher.Published published =
                    Publisher.publish(deployment.bootstrapServers(), DefaultTopics.RAW, warmUp, 0, progress);
            final PipelineWatch.Caught caught = caughtUp(deployment, 0, warmUp.size(), published);
            warmUpSeconds = (caught.lastChangeNanos() - published.startNanos()) / 1e9;
            final ExpectedClusters warmUpExpected = ExpectedClusters.read(warmUp.expectedFile());
            expectedAll = expected.plus(warmUpExpected);
            warmUpExpected.bridges().forEach(bridge -> bridgesAll.add(bridge.storyId()));
        }
        final long already = warmUp == null ? 0 : warmUp.size();
        progress.say(
                String.format(Locale.ROOT, "latency run: publishing %,d documents at %.1f/s", corpus.size(), rate));
        final long[] latencies;
        final Publisher.Published published;
        final SortedMap<Double, Long> before = timerBuckets(deployment.instances());
        try (LatencyProbe probe = LatencyProbe.start(deployment.bootstrapServers(), DefaultTopics.STORIES, corpus)) {
            published = Publisher.publish(deployment.bootstrapServers(), DefaultTopics.RAW, corpus, rate, progress);
            caughtUp(deployment, already, corpus.size(), published);
            latencies = probe.finish(published.sendMillis(), PROBE_GRACE);
        }
        final SortedMap<Double, Long> timer = PrometheusText.difference(timerBuckets(deployment.instances()), before);
        final long[] seen =
                Arrays.stream(latencies).filter(latency -> latency >= 0).toArray();
        final long missing = latencies.length - seen.length;
        final long p50 = Percentiles.of(seen, 50);
        final long p99 = Percentiles.of(seen, 99);
        final long max = Arrays.stream(seen).max().orElse(-1);
        final RunResult.Latency latency = new RunResult.Latency(
                rate,
                published.rate(),
                seen.length,
                missing,
                p50,
                p99,
                max,
                Percentiles.ofBuckets(timer, 50),
                Percentiles.ofBuckets(timer, 99),
                timer.isEmpty() ? 0 : timer.get(timer.lastKey()),
                Arrays.stream(Percentiles.bySlice(latencies, 10, 99)).boxed().toList(),
                already,
                warmUpSeconds);
        progress.say(String.format(
                Locale.ROOT,
                "latency: p50 %,d ms, p99 %,d ms over %,d articles; reading the outputs",
                p50,
                p99,
                seen.length));
        final StructureCheck.Result structure = checkStructure(deployment, expectedAll, bridgesAll, options.ceiling());
        return new Paced(latency, structure);
    }

    /** Waits until enrich-service has processed the {@code total} documents published after {@code already}. */
    private PipelineWatch.Caught caughtUp(
            final Deployment deployment, final long already, final long total, final Publisher.Published published)
            throws InterruptedException {
        return deployment
                .watch()
                .await(
                        already,
                        total,
                        published.startNanos(),
                        options.stallTimeout(),
                        deployment::enrichAlive,
                        progress);
    }

    private static SortedMap<Double, Long> timerBuckets(final List<EnrichService> instances) {
        final SortedMap<Double, Long> buckets = new TreeMap<>();
        for (final EnrichService instance : instances) {
            final String text = instance.prometheus();
            if (text != null) {
                PrometheusText.buckets(text, TIMER).forEach((bound, count) -> buckets.merge(bound, count, Long::sum));
            }
        }
        return buckets;
    }

    /** CPU ticks of a process; 0 where {@code /proc} cannot be read (not Linux). */
    private static long cpuTicks(final long pid) {
        try {
            return ProcFiles.cpuTicks(pid);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long machineBusyTicks() {
        try {
            return ProcFiles.machineBusyTicks();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long peakRss(final long pid) {
        try {
            return ProcFiles.statusBytes(ProcFiles.status(pid), "VmHWM");
        } catch (IOException e) {
            return -1;
        }
    }

    private static Map<String, Long> threadTicks(final long pid) {
        try {
            return ProcFiles.threadTicks(pid);
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The outputs on the topics against loadgen's expected structure; {@code ceiling}: without clustering. */
    private static StructureCheck.Result checkStructure(
            final Deployment deployment,
            final ExpectedClusters expected,
            final Set<String> bridgeStories,
            final boolean ceiling) {
        return StructureCheck.compare(
                expected,
                ceiling,
                OutputReader.read(
                        deployment.bootstrapServers(),
                        DefaultTopics.STORIES,
                        DefaultTopics.CLUSTERS,
                        DefaultTopics.DEAD_LETTERS,
                        bridgeStories));
    }
}
