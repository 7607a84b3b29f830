package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heatwire.localkafka.LocalKafkaProcess;

/**
 * SPEC 13: enrich-service killed with SIGKILL while it processes, and restarted on the same state
 * directory, ends with the same compacted outputs as an uninterrupted run of the same documents,
 * and no aggregate counts a story twice.
 *
 * <p>Two pipelines share one real broker, each with its own application id, topics and state
 * directory, and read identical raw records (keys, bytes, timestamps, {@code ingested-at}). The
 * reference runs without interruption. The other is killed three times: once early and once
 * mid-way through the generated articles (at seeded random shares of the raw documents), and once
 * while it relabels the clusters that bridge articles join, a merge storm (at a seeded random share
 * of the story events the storm cost the reference). A kill waits for the pipeline's committed
 * offsets to reach its point, not for time to pass.
 *
 * <p>{@code -Dheatwire.crash.articles=N} sets the number of articles (default 3000),
 * {@code -Dheatwire.crash.seed=S} repeats a run (the seed of every run is in the failure
 * messages). Everything runs under {@code target/crash-recovery-it}: the services' logs (one per
 * start) in {@code logs}, the broker's in {@code kafka/broker.out}, the kill points and timings in
 * {@code report.txt}, any differences between the pipelines in {@code differences-*.txt}.
 */
class CrashRecoveryIT {

    private static final Path ENRICH_JAR = Path.of("..", "enrich-service", "target", "enrich-service.jar");
    private static final Path WORK = Path.of("target", "crash-recovery-it").toAbsolutePath();
    private static final int ARTICLES = Integer.getInteger("heatwire.crash.articles", 3000);
    private static final long SEED = Long.getLong("heatwire.crash.seed", new SplittableRandom().nextLong());
    private static final int PARTITIONS = 6;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /**
     * A guard against a hang, not a timing: generous on 2 shared cores, where the two pipelines of
     * this test each get about 30 articles/s with clustering v2 (docs/performance.md), and grows with
     * the input so a large run is not cut short.
     */
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(180 + ARTICLES / 20);

    /**
     * enrich-service's session timeout (application.yml), given here too so the bound below is the
     * one the services run with. A killed member keeps its partitions until its session expires, but
     * the restart joins under the same static instance name (the same host and state directory) and
     * takes them back: once its Streams client has started, each restart has to resume processing
     * within this time. (From the kill, the JVM's start-up would count too, which on a busy machine
     * alone can take longer.)
     */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);

    private static final List<String> SERVICE_ARGUMENTS =
            List.of("--spring.kafka.streams.properties.session.timeout.ms=" + SESSION_TIMEOUT.toMillis());

    private static LocalKafkaProcess broker;
    private static Admin admin;
    private static EnrichPipeline reference;
    private static EnrichPipeline crashed;
    private static final List<Kill> KILLS = new ArrayList<>();
    private static final List<Resumption> RESUMPTIONS = new ArrayList<>();
    private static RunReport report;
    private static PipelineComparison outputs;

    /**
     * A SIGKILL: the committed offsets it waited for on some input topics, what was committed on
     * them when it came, and the records left on the raw and story-events topics.
     */
    private record Kill(String phase, Set<String> topics, long target, long committed, long lag) {}

    /** What the restarted service logs once its Streams client has started (StreamsStarter). */
    private static final String STREAMS_STARTED = "Kafka Streams started";

    /**
     * A restart after a kill: whether the offsets committed on the raw and story-events topics moved
     * beyond those at the kill within the session timeout of the restarted Streams client's start,
     * and how long that took from the start and from the kill.
     */
    private record Resumption(String phase, boolean withinSessionTimeout, Duration afterStart, Duration afterKill) {}

    @BeforeAll
    static void runBothPipelines() throws Exception {
        assertThat(ENRICH_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        WorkDirectory.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        report = new RunReport(WORK.resolve("report.txt"));
        final SplittableRandom random = new SplittableRandom(SEED);
        final GeneratedCorpus corpus = GeneratedCorpus.generate(ARTICLES, random.nextLong());
        report.line(
                "seed %d: %d articles, %d clusters once the bridges are in (largest %d), %d documents with edits and re-publications, %d bridges",
                SEED,
                ARTICLES,
                corpus.clusters(),
                corpus.largestCluster(),
                corpus.documents().size(),
                corpus.bridges().size());

        broker = LocalKafkaProcess.start(LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka")), START_TIMEOUT);
        final String bootstrap = broker.bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        reference = new EnrichPipeline("reference", ENRICH_JAR, bootstrap, WORK, SERVICE_ARGUMENTS);
        crashed = new EnrichPipeline("crashed", ENRICH_JAR, bootstrap, WORK, SERVICE_ARGUMENTS);
        final List<String> rawTopics = List.of(reference.topic("raw"), crashed.topic("raw"));
        admin.createTopics(rawTopics.stream()
                        .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                        .toList())
                .all()
                .get();

        final Instant firstIngestion = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        final Instant bridgeIngestion =
                firstIngestion.plusMillis(corpus.documents().size());
        KafkaTopics.publish(bootstrap, rawTopics, corpus.documents(), firstIngestion);
        report.lap("published the documents");

        // Both pipelines process the articles at once. The reference, never interrupted, is done
        // first and then measures the work of the bridges, so the merge-storm kill lands at a chosen
        // share of it.
        reference.start();
        crashed.start();
        final long documents = corpus.documents().size();
        restartAfter(killAt("early", Set.of("raw"), share(documents, 0.10, 0.35, random)));
        restartAfter(killAt("mid-way", Set.of("raw"), share(documents, 0.50, 0.90, random)));

        reference.awaitCaughtUp(PHASE_TIMEOUT);
        final long eventsBeforeStorm =
                reference.progress(admin, Set.of("story-events")).committed();
        KafkaTopics.publish(bootstrap, List.of(reference.topic("raw")), corpus.bridges(), bridgeIngestion);
        reference.awaitCaughtUp(PHASE_TIMEOUT);
        final long stormWork = reference.progress(admin, Set.of("story-events")).committed() - eventsBeforeStorm;
        reference.stop();
        report.lap("reference: caught up with the articles and the bridges (%d story events)", stormWork);

        crashed.awaitCaughtUp(PHASE_TIMEOUT);
        report.lap("crashed: caught up with the articles after two kills");
        final long eventsBefore =
                crashed.progress(admin, Set.of("story-events")).committed();
        KafkaTopics.publish(bootstrap, List.of(crashed.topic("raw")), corpus.bridges(), bridgeIngestion);
        restartAfter(
                killAt("merge storm", Set.of("story-events"), eventsBefore + share(stormWork, 0.20, 0.60, random)));
        crashed.awaitCaughtUp(PHASE_TIMEOUT);
        crashed.stop();
        report.lap("crashed: caught up with the bridges after the third kill");

        outputs =
                PipelineComparison.read(bootstrap, reference, "in the uninterrupted run", crashed, "after kills", WORK);
        report.lap(
                "read the outputs: %d stories, %d clusters",
                outputs.expected().of("stories").size(),
                outputs.expected().of("clusters").size());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Teardown.closeAll(crashed, reference, admin, broker);
    }

    @Test
    void shouldHaveKilledEnrichServiceThreeTimesWhileItHadRecordsLeft() {
        assertThat(KILLS)
                .as(context())
                .hasSize(3)
                .allSatisfy(kill ->
                        assertThat(kill.lag()).as("%s, %s", kill, context()).isPositive());
    }

    @Test
    void shouldResumeProcessingWithinTheSessionTimeoutOfEachRestart() {
        assertThat(RESUMPTIONS)
                .as(context())
                .hasSize(3)
                .allSatisfy(resumption -> assertThat(resumption.withinSessionTimeout())
                        .as("%s, session timeout %s, %s", resumption, SESSION_TIMEOUT, context())
                        .isTrue());
    }

    @Test
    void shouldWriteTheSameStoriesAsAnUninterruptedRun() throws IOException {
        outputs.assertSameStories(ARTICLES, UnaryOperator.identity(), context());
    }

    @Test
    void shouldWriteTheSameClustersProvidersAndTopicsAsAnUninterruptedRun() throws IOException {
        outputs.assertSameAggregates(context());
    }

    @Test
    void shouldCountEveryStoryOnceInClustersProvidersAndTopicsAfterKills() {
        outputs.actual().assertCountsEveryStoryOnce(context());
    }

    @Test
    void shouldCountEveryStoryOnceInClustersProvidersAndTopicsWithoutKills() {
        outputs.expected().assertCountsEveryStoryOnce(context());
    }

    @Test
    void shouldDeadLetterNoneOfTheGeneratedDocuments() {
        outputs.assertNoDeadLetters(context());
    }

    // ---------------------------------------------------------------- kills

    /**
     * Waits until the pipeline has committed {@code target} offsets on the given topics, then kills
     * it; returns when it was killed.
     */
    private static Instant killAt(String phase, Set<String> topics, long target) throws Exception {
        crashed.awaitCommitted(admin, topics, target, PHASE_TIMEOUT);
        final EnrichPipeline.Progress reached = crashed.progress(admin, Set.of("raw", "story-events"));
        crashed.kill();
        final Instant killed = Instant.now();
        final Kill kill =
                new Kill(phase, topics, target, crashed.progress(admin, topics).committed(), reached.lag());
        KILLS.add(kill);
        report.line("killed %s (log %s): %s", phase, crashed.log().getFileName(), kill);
        return killed;
    }

    /**
     * Starts the pipeline again at once and, once it is ready (its Streams client runs and no task
     * restores its state any more; how long a restore takes grows with the input, not with the
     * configuration), waits at most the session timeout for its committed offsets to move: a
     * restart that had to wait for its dead member's session to expire, then for a rebalance,
     * would not make it.
     */
    private static void restartAfter(Instant killed) throws Exception {
        final Set<String> inputs = Set.of("raw", "story-events");
        final long committed = crashed.progress(admin, inputs).committed();
        crashed.start();
        final Path log = crashed.log();
        await(crashed + " starting Kafka Streams")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .failFast(crashed + " exited", () -> !crashed.isAlive())
                .until(() -> Files.exists(log)
                        && Files.readString(log, StandardCharsets.UTF_8).contains(STREAMS_STARTED));
        ServiceHttp.awaitReadiness(crashed.process(), crashed.port(), 200, PHASE_TIMEOUT);
        final Instant started = Instant.now();
        boolean resumed;
        try {
            crashed.awaitCommitted(admin, inputs, committed + 1, SESSION_TIMEOUT);
            resumed = true;
        } catch (ConditionTimeoutException e) {
            resumed = false;
        }
        final Instant now = Instant.now();
        final Resumption resumption = new Resumption(
                KILLS.get(KILLS.size() - 1).phase(),
                resumed && Duration.between(started, now).compareTo(SESSION_TIMEOUT) <= 0,
                Duration.between(started, now),
                Duration.between(killed, now));
        RESUMPTIONS.add(resumption);
        report.line("restarted (log %s): %s", log.getFileName(), resumption);
    }

    private static long share(long work, double from, double to, SplittableRandom random) {
        return (long) (work * (from + (to - from) * random.nextDouble()));
    }

    // ---------------------------------------------------------------- report

    /** The seed, the kills and where to look. */
    private static String context() {
        return "killed at " + KILLS + ", restarts " + RESUMPTIONS + ", seed " + SEED + ", " + ARTICLES
                + " articles; logs and report in " + WORK;
    }
}
