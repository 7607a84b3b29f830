package io.heatwire.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The table printed after each corpus size, and the scale table after several. */
final class Report {

    /** Topics listed by name in the records row; the per-topic table lists them all. */
    static final int CONTRIBUTORS = 4;

    static final int THREAD_GROUPS = 6;
    /** Other processes busier than this, on average, make a run's figures unreliable. */
    static final double DISTURBED_CORES = 0.25;

    static final String LATENCY_SOURCE =
            "raw record timestamp → its ARTICLE story visible to a read_committed " + "consumer of heatwire.stories";

    private Report() {}

    static List<String> run(final RunResult run, final String rawTopic) {
        final List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(
                "heatwire pipeline benchmark: " + Formats.count(run.articles()) + " articles (seed " + run.seed() + ", "
                        + Formats.megabytes(run.documentBytes()) + "), " + run.partitions() + " raw partitions, "
                        + run.instances() + " enrich-service instance" + (run.instances() == 1 ? "" : "s"));
        lines.add("");
        lines.addAll(structure("structure", run.structure()));
        if (run.pacedStructure() != null) {
            final boolean warmedUp = run.latency() != null && run.latency().warmUpArticles() > 0;
            lines.addAll(structure(
                    warmedUp ? "structure (latency run, with the warm-up's)" : "structure (latency run)",
                    run.pacedStructure()));
        }
        if (run.failOver() != null) {
            lines.addAll(structure("structure (fail-over run)", run.failOver().structure()));
        }
        if (run.ceiling() != null) {
            lines.addAll(structure("structure (ceiling run)", run.ceiling().structure()));
        }
        lines.add("");

        final RunResult.Throughput e2e = run.endToEnd();
        final RunResult.ParseRate parse = run.parse();
        final RunResult.BrokerRate broker = run.broker();
        final RunResult.Usage enrich = run.enrich();
        final TextTable table = new TextTable("lrll");
        table.row("figure", "value", "", "ratio / note");
        table.row(
                "end to end, full speed",
                Formats.number(e2e.articlesPerSecond()),
                "articles/s",
                Formats.times(e2e.articlesPerSecond() / parse.documentsPerSecond()) + " parse rate, "
                        + Formats.times(e2e.articlesPerSecond() / broker.documentsPerSecond()) + " broker rate");
        table.row(
                "",
                Formats.number(e2e.megabytesPerSecond()),
                "MB/s",
                Formats.duration(e2e.seconds()) + " from first publish to outputs standing still (publish took "
                        + Formats.duration(e2e.publishSeconds()) + ")");
        if (run.ceiling() != null) {
            final RunResult.Throughput ceiling = run.ceiling().throughput();
            table.row(
                    "ceiling, full speed",
                    Formats.number(ceiling.articlesPerSecond()),
                    "articles/s",
                    "end to end ÷ ceiling " + Formats.times(run.overCeiling()) + "; "
                            + Formats.times(ceiling.articlesPerSecond() / parse.documentsPerSecond())
                            + " parse rate; enrich-service without clustering, fresh broker, same documents, "
                            + Formats.duration(ceiling.seconds()) + ", "
                            + Formats.number(run.ceiling().cpuSecondsPerArticle() * 1000) + " ms CPU per article");
        }
        table.row(
                "raw parse, 1 thread",
                Formats.number(parse.documentsPerSecond()),
                "docs/s",
                Formats.number(parse.megabytesPerSecond())
                        + " MB/s, ArticleParser over the same documents after warm-up"
                        + (parse.rejected() == 0 ? "" : ", " + parse.rejected() + " rejected")
                        + onCpu(parse.cpuSeconds() / parse.seconds()));
        table.row(
                "raw broker produce+consume",
                Formats.number(broker.documentsPerSecond()),
                "docs/s",
                Formats.number(broker.megabytesPerSecond()) + " MB/s, same documents, scratch topic, plain clients "
                        + "(produce alone " + Formats.number(broker.documents() / broker.produceSeconds())
                        + " docs/s)");
        final RunResult.Latency latency = run.latency();
        if (latency == null) {
            table.row(
                    "latency",
                    "",
                    "",
                    run.failOver() == null
                            ? "not measured (--no-latency)"
                            : "not measured (the fail-over run takes its place)");
        } else {
            table.row(
                    "latency run warm-up",
                    latency.warmUpArticles() == 0 ? "none" : Formats.count(latency.warmUpArticles()),
                    latency.warmUpArticles() == 0 ? "" : "articles",
                    latency.warmUpArticles() == 0
                            ? "--warm-up 0: the latency run starts on a cold enrich-service"
                            : "other story ids, at full speed on the same broker and enrich-service, processed in "
                                    + Formats.duration(latency.warmUpSeconds())
                                    + " before the latency run; in none of its figures");
            table.row(
                    "latency p50 at " + Formats.number(latency.targetRate()) + "/s",
                    Formats.count(latency.p50Millis()),
                    "ms",
                    LATENCY_SOURCE);
            table.row(
                    "latency p99",
                    Formats.count(latency.p99Millis()),
                    "ms",
                    "max " + Formats.millis(latency.maxMillis()) + ", " + Formats.count(latency.samples()) + " articles"
                            + (latency.missing() == 0 ? "" : ", " + Formats.count(latency.missing()) + " never seen")
                            + ", published at " + Formats.number(latency.achievedRate()) + "/s");
            table.row(
                    "  p99 by tenth of the corpus",
                    "",
                    "ms",
                    latency.p99MillisByTenth().stream().map(Formats::count).collect(Collectors.joining(", "))
                            + " (publication order; bridges last)");
            table.row(
                    "  enrich-service timer",
                    "p50 ≤ " + seconds(latency.timerP50Seconds()),
                    "",
                    "p99 ≤ " + seconds(latency.timerP99Seconds()) + ", heatwire.enrich.end.to.end.latency, "
                            + Formats.count(latency.timerCount()) + " stories written (bucket bounds, before commit)");
        }
        table.row(
                "enrich-service peak RSS",
                Formats.number(enrich.peakRssBytes() / 1e6),
                "MB",
                "VmHWM"
                        + (enrich.instances() == 1
                                ? ""
                                : " of one instance; " + Formats.megabytes(enrich.totalPeakRssBytes())
                                        + " all instances"));
        table.row(
                "enrich-service peak heap",
                Formats.number(enrich.peakHeapBytes() / 1e6),
                "MB",
                "used, before a GC (GC log); " + Formats.megabytes(enrich.peakHeapAfterGcBytes())
                        + " at most after a GC");
        table.row(
                "enrich-service GC pauses",
                Formats.number(enrich.gcPauseSeconds()),
                "s",
                Formats.count(enrich.gcPauses()) + " pauses, "
                        + Formats.number(100 * enrich.gcPauseSeconds() / e2e.seconds() / enrich.instances())
                        + "% of the run");
        table.row(
                "enrich-service CPU per article",
                Formats.number(Targets.cpuPerArticle(run) * 1000),
                "ms",
                Formats.times(run.cpuOverParse()) + " the 1-thread parse cost; "
                        + Formats.number(enrich.cpuSeconds() / e2e.seconds()) + " cores busy on average");
        table.row("broker CPU per article", Formats.number(run.brokerCpuSeconds() / run.articles() * 1000), "ms", "");
        final double otherCores = run.otherCpuSeconds() / e2e.seconds();
        table.row(
                "other processes' CPU",
                Formats.number(otherCores),
                "cores",
                otherCores > DISTURBED_CORES
                        ? "WARNING: other processes used the CPU during the run; "
                                + "its figures are lower than this machine can do"
                        : "on average during the run: undisturbed");
        table.row("wall time per article", Formats.number(e2e.wallMillisPerArticle()), "ms", "");
        table.row(
                "state on disk",
                Formats.number(run.stateBytes() / 1e6),
                "MB",
                Formats.times(run.stateBytes() / (double) run.documentBytes())
                        + " document bytes (Streams state dirs, after a clean stop)");
        table.row(
                "broker log",
                Formats.number(run.brokerLogBytes() / 1e6),
                "MB",
                Formats.times(run.brokerLogBytes() / (double) run.documentBytes()) + " document bytes (every topic)");
        table.row("records written per article", Formats.number(run.recordsPerArticle()), "", contributors(run));
        lines.addAll(table.lines());

        lines.add("");
        final TextTable topics = new TextTable("llrrrr");
        topics.row("topic", "role", "partitions", "end offsets", "per article", "log MB");
        run.topics().stream()
                .sorted(Comparator.comparingLong(RunResult.TopicRow::endOffsets)
                        .reversed()
                        .thenComparing(RunResult.TopicRow::topic))
                .forEach(row -> topics.row(
                        row.topic(),
                        row.role(),
                        Integer.toString(row.partitions()),
                        Formats.count(row.endOffsets()),
                        Formats.number(row.endOffsets() / (double) run.articles()),
                        Formats.number(row.logBytes() / 1e6)));
        lines.addAll(topics.lines());
        lines.add("(end offsets count every record ever written, transaction markers included; " + rawTopic
                + " is the input)");

        if (!run.enrichThreadCpuSeconds().isEmpty()) {
            lines.add("");
            final double total = run.enrichThreadCpuSeconds().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            final TextTable threads = new TextTable("lrr");
            threads.row("enrich-service CPU by thread", "CPU s", "share");
            run.enrichThreadCpuSeconds().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(THREAD_GROUPS)
                    .forEach(entry -> threads.row(
                            entry.getKey(),
                            Formats.number(entry.getValue()),
                            Formats.number(100 * entry.getValue() / total) + "%"));
            lines.addAll(threads.lines());
        }

        if (run.failOver() != null) {
            lines.addAll(failOver(run.failOver()));
        }

        lines.add("");
        final TextTable targets = new TextTable("lll");
        targets.row("target (issue 7)", "value", "verdict");
        Targets.of(run).forEach(verdict -> targets.row(verdict.target(), verdict.value(), verdict.verdict()));
        lines.addAll(targets.lines());
        return lines;
    }

    /** The fail-over run: each stop's stall, and what the stops cost in all. */
    static List<String> failOver(final RunResult.FailOver failOver) {
        final List<String> lines = new ArrayList<>();
        final FailOverPlan plan = failOver.plan();
        lines.add("");
        lines.add("fail-over: " + plan.stops() + " stop" + (plan.stops() == 1 ? "" : "s") + " with SIG" + plan.signal()
                + (plan.restart() ? ", each instance started again at once" : ", not started again")
                + "; times from the signal");
        final TextTable table = new TextTable("rlrrrrr");
        table.row("stop", "instance", "raw committed", "exited", "first commit", "stall", "ready");
        for (int i = 0; i < failOver.stops().size(); i++) {
            final RunResult.Stop stop = failOver.stops().get(i);
            table.row(
                    Integer.toString(i + 1),
                    stop.instance(),
                    Formats.count(stop.rawCommitted()),
                    Formats.duration(stop.exitSeconds()),
                    Formats.duration(stop.firstCommitSeconds()),
                    Formats.duration(stop.resumedSeconds()),
                    Double.isNaN(stop.readySeconds()) ? "-" : Formats.duration(stop.readySeconds()));
        }
        lines.addAll(table.lines());
        lines.add(
                "(first commit: until the offsets committed on the input topics grew; stall: until every raw "
                        + "partition with records left had committed further; ready: the restarted instance's readiness probe)");
        lines.add("extra wall time: " + Formats.duration(failOver.extraSeconds()) + " ("
                + Formats.duration(failOver.seconds()) + " with the stops, " + Formats.duration(failOver.cleanSeconds())
                + " without)");
        lines.add(FailOverRun.SEQUENCE_WARNING + " in the enrich-service logs: "
                + Formats.count(failOver.sequenceWarnings()) + " lines");
        return lines;
    }

    /** Cost per article by size; the last column compares each size with the smallest. */
    static List<String> scale(final List<RunResult> runs) {
        final List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("scale check: cost per article by corpus size (fresh broker and state for each)");
        final TextTable table = new TextTable("rrrrrrrrrl");
        table.row(
                "articles",
                "articles/s",
                "wall ms/art",
                "enrich CPU ms/art",
                "× smallest",
                "broker CPU ms/art",
                "heap after GC MB",
                "state MB",
                "log MB",
                "structure");
        final RunResult smallest =
                runs.stream().min(Comparator.comparingInt(RunResult::articles)).orElseThrow();
        for (final RunResult run : runs) {
            table.row(
                    Formats.count(run.articles()),
                    Formats.number(run.endToEnd().articlesPerSecond()),
                    Formats.number(run.endToEnd().wallMillisPerArticle()),
                    Formats.number(Targets.cpuPerArticle(run) * 1000),
                    Formats.times(Targets.cpuPerArticle(run) / Targets.cpuPerArticle(smallest)),
                    Formats.number(run.brokerCpuSeconds() / run.articles() * 1000),
                    Formats.number(run.enrich().peakHeapAfterGcBytes() / 1e6),
                    Formats.number(run.stateBytes() / 1e6),
                    Formats.number(run.brokerLogBytes() / 1e6),
                    run.passed() ? "OK" : "FAILED");
        }
        lines.addAll(table.lines());
        final Targets.Verdict flat = Targets.flatCost(runs);
        lines.add(flat.target() + ": " + flat.value() + ": " + flat.verdict());
        return lines;
    }

    private static List<String> structure(final String label, final StructureCheck.Result result) {
        final List<String> lines = new ArrayList<>();
        if (result.passed()) {
            lines.add(label + ": OK, " + Formats.count(result.actualStories()) + " stories and "
                    + Formats.count(result.actualClusters()) + " clusters, as loadgen planned them");
        } else {
            lines.add(label + ": FAILED, " + Formats.count(result.actualStories()) + " stories (expected "
                    + Formats.count(result.expectedStories()) + "), " + Formats.count(result.actualClusters())
                    + " clusters (expected " + Formats.count(result.expectedClusters()) + ")");
            result.differences().forEach(difference -> lines.add("  " + difference));
        }
        return lines;
    }

    private static String contributors(final RunResult run) {
        final List<String> parts = new ArrayList<>();
        run.topics().stream()
                .filter(RunResult.TopicRow::writtenByPipeline)
                .sorted(Comparator.comparingLong(RunResult.TopicRow::endOffsets).reversed())
                .limit(CONTRIBUTORS)
                .forEach(row ->
                        parts.add(row.topic() + " " + Formats.number(row.endOffsets() / (double) run.articles())));
        return String.join(", ", parts);
    }

    private static String onCpu(final double share) {
        return share < 0.9 ? "; WARNING: on the CPU only " + Formats.number(100 * share) + "% of the time" : "";
    }

    private static String seconds(final double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        if (Double.isInfinite(seconds)) {
            return "∞ (above the largest bucket)";
        }
        return Formats.number(seconds) + " s";
    }
}
