package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heatwire.localkafka.LocalKafkaProcess;
import io.heatwire.support.process.ChildProcess;

/**
 * SPEC 13: three enrich-service instances with one application id share the partitions of the raw
 * topic; one of them is stopped cleanly (SIGTERM) while they process and a new one joins later.
 * The compacted outputs equal those of one instance alone over the same documents, and no
 * aggregate counts a story twice.
 *
 * <p>Two pipelines share one real broker and read identical raw records: the reference, one
 * instance, and the rebalanced one, instances {@code a}, {@code b} and {@code c}, each with its own
 * state directory and HTTP port. Once all three have joined, {@code b} is stopped when the
 * committed offsets reach a seeded random share of the documents, and {@code d} starts at a later
 * share; the bridges that merge half the clusters come last, so the rebalances also move the merge
 * work between instances.
 *
 * <p>{@code -Dheatwire.rebalance.articles=N} sets the number of articles (default 2000),
 * {@code -Dheatwire.rebalance.seed=S} repeats a run. Everything runs under
 * {@code target/rebalance-it}: the instances' logs in {@code logs}, the broker's in
 * {@code kafka/broker.out}, the stop and start points and timings in {@code report.txt}, any
 * differences between the pipelines in {@code differences-*.txt}.
 */
class RebalanceIT {

    private static final Path ENRICH_JAR = Path.of("..", "enrich-service", "target", "enrich-service.jar");
    private static final Path WORK = Path.of("target", "rebalance-it").toAbsolutePath();
    private static final int ARTICLES = Integer.getInteger("heatwire.rebalance.articles", 2000);
    private static final long SEED = Long.getLong("heatwire.rebalance.seed", new SplittableRandom().nextLong());
    private static final int PARTITIONS = 6;
    private static final int INSTANCES = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Generous on 2 shared cores; grows with the input so a large run is not cut short. */
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(180 + ARTICLES / 50);

    /**
     * A stopped Streams member does not leave its group, so its partitions wait for its session to
     * expire; with Kafka's 45 s default that wait would be most of the run. Both pipelines get it.
     */
    private static final List<String> SERVICE_ARGUMENTS =
            List.of("--spring.kafka.streams.properties.session.timeout.ms=10000");

    private static LocalKafkaProcess broker;
    private static Admin admin;
    private static RunReport report;
    private static EnrichPipeline reference;
    private static EnrichPipeline rebalanced;
    private static final List<Change> CHANGES = new ArrayList<>();
    private static PipelineComparison outputs;

    /**
     * An instance stopped or started: the raw offsets it waited for, what was committed when it came,
     * the records left on the raw and story-events topics, and the members of the group before.
     */
    private record Change(String what, long target, long committed, long lag, int members) {}

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
        final List<RawDocument> documents = new ArrayList<>(corpus.documents());
        documents.addAll(corpus.bridges());
        report.line(
                "seed %d: %d articles, %d clusters once the bridges are in (largest %d), %d documents with edits, re-publications and %d bridges",
                SEED,
                ARTICLES,
                corpus.clusters(),
                corpus.largestCluster(),
                documents.size(),
                corpus.bridges().size());

        broker = LocalKafkaProcess.start(LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka")), START_TIMEOUT);
        final String bootstrap = broker.bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        reference = new EnrichPipeline("reference", ENRICH_JAR, bootstrap, WORK, SERVICE_ARGUMENTS);
        rebalanced = new EnrichPipeline("rebalanced", ENRICH_JAR, bootstrap, WORK, SERVICE_ARGUMENTS);
        final List<String> rawTopics = List.of(reference.topic("raw"), rebalanced.topic("raw"));
        admin.createTopics(rawTopics.stream()
                        .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                        .toList())
                .all()
                .get();
        KafkaTopics.publish(bootstrap, rawTopics, documents, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.lap("published the documents");

        reference.start();
        final List<ChildProcess> instances = new ArrayList<>();
        for (String instance : List.of("a", "b", "c")) {
            instances.add(rebalanced.startInstance(instance, 0));
        }
        final ChildProcess stopped = instances.get(1);
        await(rebalanced + ": all " + INSTANCES + " instances in the group")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .failFast(
                        rebalanced + ": an instance exited",
                        () -> !instances.stream().allMatch(ChildProcess::isAlive))
                .ignoreExceptions()
                .until(() -> rebalanced.members(admin) == INSTANCES);
        report.lap("all %d instances joined", INSTANCES);

        change(
                "stop instance b (log " + stopped.log().getFileName() + ")",
                share(documents.size(), 0.25, 0.45, random),
                stopped::stop);
        change("start instance d", share(documents.size(), 0.55, 0.75, random), () -> rebalanced.startInstance("d", 0));

        reference.awaitCaughtUp(PHASE_TIMEOUT);
        reference.stop();
        report.lap("reference: caught up");
        rebalanced.awaitCaughtUp(PHASE_TIMEOUT);
        final int members = rebalanced.members(admin);
        rebalanced.stop();
        report.lap("rebalanced: caught up with %d members in the group", members);

        outputs = PipelineComparison.read(
                bootstrap, reference, "with one instance", rebalanced, "with instances stopped and started", WORK);
        report.lap(
                "read the outputs: %d stories, %d clusters",
                outputs.expected().of("stories").size(),
                outputs.expected().of("clusters").size());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Teardown.closeAll(rebalanced, reference, admin, broker);
    }

    @Test
    void shouldHaveStoppedOneInstanceAndStartedAnotherWhileRecordsWereLeft() {
        assertThat(CHANGES)
                .as(context())
                .hasSize(2)
                .allSatisfy(change ->
                        assertThat(change.lag()).as("%s, %s", change, context()).isPositive());
        assertThat(CHANGES.get(0).members())
                .as("members when b was stopped, %s", context())
                .isEqualTo(INSTANCES);
    }

    @Test
    void shouldWriteTheSameStoriesAsOneInstance() throws IOException {
        outputs.assertSameStories(ARTICLES, UnaryOperator.identity(), context());
    }

    @Test
    void shouldWriteTheSameClustersProvidersAndTopicsAsOneInstance() throws IOException {
        outputs.assertSameAggregates(context());
    }

    @Test
    void shouldCountEveryStoryOnceInClustersProvidersAndTopicsAfterRebalances() {
        outputs.actual().assertCountsEveryStoryOnce(context());
    }

    @Test
    void shouldCountEveryStoryOnceInClustersProvidersAndTopicsWithOneInstance() {
        outputs.expected().assertCountsEveryStoryOnce(context());
    }

    @Test
    void shouldDeadLetterNoneOfTheGeneratedDocuments() {
        outputs.assertNoDeadLetters(context());
    }

    // ---------------------------------------------------------------- rebalances

    /** Something that changes the group. */
    @FunctionalInterface
    private interface GroupChange {
        void apply() throws IOException;
    }

    /** Waits until the rebalanced pipeline has committed {@code target} raw offsets, then changes its group. */
    private static void change(String what, long target, GroupChange change) throws Exception {
        rebalanced.awaitCommitted(admin, Set.of("raw"), target, PHASE_TIMEOUT);
        final int members = rebalanced.members(admin);
        final long committed = rebalanced.progress(admin, Set.of("raw")).committed();
        final long lag =
                rebalanced.progress(admin, Set.of("raw", "story-events")).lag();
        change.apply();
        final Change done = new Change(what, target, committed, lag, members);
        CHANGES.add(done);
        report.lap("%s", done);
    }

    private static long share(long work, double from, double to, SplittableRandom random) {
        return (long) (work * (from + (to - from) * random.nextDouble()));
    }

    /** The seed, the group changes and where to look. */
    private static String context() {
        return "changes " + CHANGES + ", seed " + SEED + ", " + ARTICLES + " articles; logs and report in " + WORK;
    }
}
