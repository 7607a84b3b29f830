package io.heatwire.benchmarks.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Every figure of one corpus size.
 *
 * @param articles       documents published
 * @param seed           loadgen seed
 * @param documentBytes  their total size
 * @param partitions     raw topic partitions
 * @param instances      enrich-service instances
 * @param structure      the check of the full-speed run's outputs
 * @param pacedStructure the check of the latency run's outputs; null when there was none
 * @param endToEnd       the full-speed run
 * @param latency        the paced run; null when there was none
 * @param parse          one thread of {@code ArticleParser} over the same documents
 * @param broker         the same documents produced to a scratch topic and consumed back
 * @param enrich         enrich-service's processes during the full-speed run
 * @param brokerCpuSeconds the broker's CPU time during the full-speed run
 * @param otherCpuSeconds CPU time of every other process on the machine during the full-speed run
 *                       (not enrich-service, the broker or the benchmark): what disturbed it
 * @param stateBytes     the Streams state directories after the full-speed run, once enrich-service stopped cleanly
 * @param topics         every topic after the full-speed run (scratch topic excluded)
 * @param enrichThreadCpuSeconds enrich-service's CPU time by thread group during the full-speed run
 * @param failOver       the fail-over run ({@code --crash}); null when there was none
 * @param ceiling        the ceiling run ({@code --with-ceiling}); null when there was none
 */
record RunResult(
        int articles,
        long seed,
        long documentBytes,
        int partitions,
        int instances,
        StructureCheck.Result structure,
        StructureCheck.Result pacedStructure,
        Throughput endToEnd,
        Latency latency,
        ParseRate parse,
        BrokerRate broker,
        Usage enrich,
        double brokerCpuSeconds,
        double otherCpuSeconds,
        long stateBytes,
        List<TopicRow> topics,
        Map<String, Double> enrichThreadCpuSeconds,
        FailOver failOver,
        Ceiling ceiling) {

    RunResult {
        topics = List.copyOf(topics);
        enrichThreadCpuSeconds = Map.copyOf(enrichThreadCpuSeconds);
    }

    /** A run without a fail-over run or a ceiling run. */
    RunResult(
            final int articles,
            final long seed,
            final long documentBytes,
            final int partitions,
            final int instances,
            final StructureCheck.Result structure,
            final StructureCheck.Result pacedStructure,
            final Throughput endToEnd,
            final Latency latency,
            final ParseRate parse,
            final BrokerRate broker,
            final Usage enrich,
            final double brokerCpuSeconds,
            final double otherCpuSeconds,
            final long stateBytes,
            final List<TopicRow> topics,
            final Map<String, Double> enrichThreadCpuSeconds) {
        this(
                articles,
                seed,
                documentBytes,
                partitions,
                instances,
                structure,
                pacedStructure,
                endToEnd,
                latency,
                parse,
                broker,
                enrich,
                brokerCpuSeconds,
                otherCpuSeconds,
                stateBytes,
                topics,
                enrichThreadCpuSeconds,
                null,
                null);
    }

    boolean passed() {
        return structure.passed()
                && (pacedStructure == null || pacedStructure.passed())
                && (failOver == null || failOver.structure().passed())
                && (ceiling == null || ceiling.structure().passed());
    }

    /** End to end ÷ the ceiling run's rate, both at full speed; NaN without a ceiling run. */
    double overCeiling() {
        return ceiling == null
                ? Double.NaN
                : endToEnd.articlesPerSecond() / ceiling.throughput().articlesPerSecond();
    }

    /** The broker's log size: every topic listed, internal ones included. */
    long brokerLogBytes() {
        return topics.stream().mapToLong(TopicRow::logBytes).sum();
    }

    /** Records the pipeline wrote (end offsets of every topic but its input and the broker's own), per article. */
    double recordsPerArticle() {
        return topics.stream()
                        .filter(TopicRow::writtenByPipeline)
                        .mapToLong(TopicRow::endOffsets)
                        .sum()
                / (double) articles;
    }

    /** enrich-service's CPU time per article over its single-threaded parse cost: how much more it spends. */
    double cpuOverParse() {
        return enrich.cpuSeconds() / articles * parse.documentsPerSecond();
    }

    /**
     * The full-speed run: from the first publish until everything was consumed and committed and
     * the outputs stood still.
     *
     * @param seconds        first publish → last change of committed offsets or outputs
     * @param publishSeconds first publish → every document acknowledged by the broker
     */
    record Throughput(long articles, long bytes, double seconds, double publishSeconds) {

        double articlesPerSecond() {
            return articles / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }

        double wallMillisPerArticle() {
            return seconds * 1000 / articles;
        }
    }

    /**
     * One thread parsing every document once, after warm-up.
     *
     * @param cpuSeconds the thread's CPU time: less than {@code seconds} when other processes took the CPU
     */
    record ParseRate(long documents, long bytes, double seconds, double cpuSeconds, long rejected) {

        double documentsPerSecond() {
            return documents / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    /**
     * The documents produced to a scratch topic by one producer while one consumer reads them back.
     *
     * @param produceSeconds   first send → every send acknowledged
     * @param roundTripSeconds first send → last record consumed
     */
    record BrokerRate(long documents, long bytes, double produceSeconds, double roundTripSeconds) {

        double documentsPerSecond() {
            return documents / roundTripSeconds;
        }

        double megabytesPerSecond() {
            return bytes / roundTripSeconds / 1e6;
        }
    }

    /**
     * The paced run.
     *
     * @param targetRate       articles/s asked for
     * @param achievedRate     articles/s published
     * @param samples          articles whose ARTICLE story was seen
     * @param missing          articles whose ARTICLE story was never seen
     * @param p50Millis        raw record timestamp → ARTICLE story visible to a read_committed consumer
     * @param timerP50Seconds  enrich-service's {@code heatwire.enrich.end.to.end.latency} over the run (bucket bound)
     * @param timerCount       stories that timer counted in the run
     * @param p99MillisByTenth p99 of each tenth of the corpus, in publication order (the bridges that
     *                         merge big clusters come last)
     * @param warmUpArticles   articles of the warm-up corpus processed before the paced run (0: none)
     * @param warmUpSeconds    its first publish → its outputs standing still, at full speed
     */
    record Latency(
            double targetRate,
            double achievedRate,
            long samples,
            long missing,
            long p50Millis,
            long p99Millis,
            long maxMillis,
            double timerP50Seconds,
            double timerP99Seconds,
            long timerCount,
            List<Long> p99MillisByTenth,
            long warmUpArticles,
            double warmUpSeconds) {

        Latency {
            p99MillisByTenth = List.copyOf(p99MillisByTenth);
        }
    }

    /**
     * The ceiling run: the same documents at full speed on a fresh broker, enrich-service without
     * clustering (what {@code --ceiling} runs).
     *
     * @param cpuSeconds enrich-service's CPU time during it, all instances
     * @param structure  its check: the planned stories, each its own cluster, no cluster record
     */
    record Ceiling(Throughput throughput, double cpuSeconds, StructureCheck.Result structure) {

        double cpuSecondsPerArticle() {
            return cpuSeconds / throughput.articles();
        }
    }

    /**
     * enrich-service's processes.
     *
     * @param peakRssBytes      the largest VmHWM of one instance
     * @param totalPeakRssBytes VmHWM summed over the instances
     * @param peakHeapBytes     the largest heap used in one instance (just before a collection, from the GC log)
     * @param peakHeapAfterGcBytes the largest heap left after a collection in one instance (GC log): the
     *                          live heap plus old garbage not collected yet
     * @param gcPauses          GC pauses during the run, all instances
     * @param gcPauseSeconds    their total time
     * @param cpuSeconds        CPU time during the run, all instances
     */
    record Usage(
            int instances,
            long peakRssBytes,
            long totalPeakRssBytes,
            long peakHeapBytes,
            long peakHeapAfterGcBytes,
            int gcPauses,
            double gcPauseSeconds,
            double cpuSeconds) {}

    /**
     * A topic at the end of the full-speed run.
     *
     * @param role       input, output, internal (story-events), repartition, changelog or broker
     * @param endOffsets records ever written to it (transaction markers included)
     * @param logBytes   its size in the broker's log directory
     */
    record TopicRow(String topic, String role, int partitions, long endOffsets, long logBytes) {

        static final String INPUT = "input";
        static final String OUTPUT = "output";
        static final String INTERNAL = "internal";
        static final String REPARTITION = "repartition";
        static final String CHANGELOG = "changelog";
        static final String BROKER = "broker";

        boolean writtenByPipeline() {
            return !role.equals(INPUT) && !role.equals(BROKER);
        }
    }

    /**
     * The fail-over run: the same documents at full speed on a fresh broker, with instances stopped
     * while they work.
     *
     * @param seconds          first publish → last change, as for the full-speed run
     * @param cleanSeconds     the same for the full-speed run without stops
     * @param sequenceWarnings log lines of every instance that name {@code OUT_OF_ORDER_SEQUENCE_NUMBER}
     */
    record FailOver(
            FailOverPlan plan,
            List<Stop> stops,
            double seconds,
            double cleanSeconds,
            StructureCheck.Result structure,
            long sequenceWarnings) {

        FailOver {
            stops = List.copyOf(stops);
        }

        /** What the stops cost in wall time, against the run without them. */
        double extraSeconds() {
            return seconds - cleanSeconds;
        }
    }

    /**
     * One stop, timed from the signal.
     *
     * @param instance       which instance (its name)
     * @param rawCommitted   raw offsets committed when the signal was sent
     * @param exitSeconds    until the process had exited
     * @param firstCommitSeconds until the offsets committed on the input topics grew again
     * @param resumedSeconds until every raw partition with records left had committed further: the stall
     * @param readySeconds   until the restarted instance answered ready; NaN when it was not restarted
     */
    record Stop(
            String instance,
            long rawCommitted,
            double exitSeconds,
            double firstCommitSeconds,
            double resumedSeconds,
            double readySeconds) {}
}
