package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heatwire.localkafka.LocalKafkaProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
    /** Generous on 2 shared cores; grows with the input so a large run is not cut short. */
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(180 + ARTICLES / 50);
    /** What depends on when a record was written (wall clock, stream time), not on what was processed. */
    private static final List<String> WRITE_TIME_FIELDS = List.of("updatedAt", "asOf", "heat");
    private static final List<String> AGGREGATES = List.of("clusters", "providers", "topics");

    /**
     * A killed member keeps its partitions until its session expires; Kafka's 45 s default would
     * make every restart wait that long. Both pipelines get it, so they differ only in the kills.
     */
    private static final List<String> SERVICE_ARGUMENTS = List.of(
            "--spring.kafka.streams.properties.session.timeout.ms=10000");

    private static LocalKafkaProcess broker;
    private static Admin admin;
    private static EnrichPipeline reference;
    private static EnrichPipeline crashed;
    private static final List<Kill> KILLS = new ArrayList<>();
    private static final Map<String, Map<String, JsonNode>> REFERENCE_OUTPUTS = new HashMap<>();
    private static final Map<String, Map<String, JsonNode>> CRASHED_OUTPUTS = new HashMap<>();
    private static long referenceDeadLetters;
    private static long crashedDeadLetters;

    /**
     * A SIGKILL: the committed offsets it waited for on some input topics, what was committed on
     * them when it came, and the records left on the raw and story-events topics.
     */
    private record Kill(String phase, Set<String> topics, long target, long committed, long lag) {
    }

    @BeforeAll
    static void runBothPipelines() throws Exception {
        assertThat(ENRICH_JAR).as("package the services first: ./mvnw -pl system-tests -am verify").isRegularFile();
        WorkDirectory.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        final long started = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(SEED);
        final ArticleCorpus corpus = ArticleCorpus.generate(ARTICLES, random.nextLong());
        report("seed %d: %d articles in %d clusters (largest %d), %d documents with edits and re-publications, %d bridges",
                SEED, ARTICLES, corpus.clusters(), corpus.largestCluster(), corpus.documents().size(), corpus.bridges().size());

        broker = LocalKafkaProcess.start(LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka")), START_TIMEOUT);
        final String bootstrap = broker.bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        reference = new EnrichPipeline("reference", ENRICH_JAR, bootstrap, WORK, SERVICE_ARGUMENTS);
        crashed = new EnrichPipeline("crashed", ENRICH_JAR, bootstrap, WORK, SERVICE_ARGUMENTS);
        final List<String> rawTopics = List.of(reference.topic("raw"), crashed.topic("raw"));
        admin.createTopics(rawTopics.stream().map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList()).all().get();

        final Instant firstIngestion = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        final Instant bridgeIngestion = firstIngestion.plusMillis(corpus.documents().size());
        KafkaTopics.publish(bootstrap, rawTopics, corpus.documents(), firstIngestion);
        lap(started, "published the documents");

        // Both pipelines process the articles at once. The reference, never interrupted, is done
        // first and then measures the work of the bridges, so the merge-storm kill lands at a chosen
        // share of it.
        reference.start();
        crashed.start();
        final long documents = corpus.documents().size();
        killAt("early", Set.of("raw"), share(documents, 0.10, 0.35, random));
        crashed.start();
        killAt("mid-way", Set.of("raw"), share(documents, 0.50, 0.90, random));
        crashed.start();

        reference.awaitCaughtUp(PHASE_TIMEOUT);
        final long eventsBeforeStorm = reference.progress(admin, Set.of("story-events")).committed();
        KafkaTopics.publish(bootstrap, List.of(reference.topic("raw")), corpus.bridges(), bridgeIngestion);
        reference.awaitCaughtUp(PHASE_TIMEOUT);
        final long stormWork = reference.progress(admin, Set.of("story-events")).committed() - eventsBeforeStorm;
        reference.stop();
        lap(started, "reference: caught up with the articles and the bridges (%d story events)", stormWork);

        crashed.awaitCaughtUp(PHASE_TIMEOUT);
        lap(started, "crashed: caught up with the articles after two kills");
        final long eventsBefore = crashed.progress(admin, Set.of("story-events")).committed();
        KafkaTopics.publish(bootstrap, List.of(crashed.topic("raw")), corpus.bridges(), bridgeIngestion);
        killAt("merge storm", Set.of("story-events"), eventsBefore + share(stormWork, 0.20, 0.60, random));
        crashed.start();
        crashed.awaitCaughtUp(PHASE_TIMEOUT);
        crashed.stop();
        lap(started, "crashed: caught up with the bridges after the third kill");

        for (String kind : List.of("stories", "clusters", "providers", "topics")) {
            REFERENCE_OUTPUTS.put(kind, KafkaTopics.latestValues(bootstrap, reference.topic(kind)));
            CRASHED_OUTPUTS.put(kind, KafkaTopics.latestValues(bootstrap, crashed.topic(kind)));
        }
        referenceDeadLetters = KafkaTopics.count(bootstrap, reference.topic("dlq"));
        crashedDeadLetters = KafkaTopics.count(bootstrap, crashed.topic("dlq"));
        lap(started, "read the outputs: %d stories, %d clusters",
                REFERENCE_OUTPUTS.get("stories").size(), REFERENCE_OUTPUTS.get("clusters").size());
    }

    @AfterAll
    static void stopEverything() {
        // Each in turn, whatever failed before: the services first, so they leave the broker cleanly.
        for (EnrichPipeline pipeline : new EnrichPipeline[] {crashed, reference}) {
            if (pipeline != null) {
                pipeline.stop();
            }
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void shouldHaveKilledEnrichServiceThreeTimesWhileItHadRecordsLeft() {
        assertThat(KILLS).as(context()).hasSize(3)
                .allSatisfy(kill -> assertThat(kill.lag()).as("%s, %s", kill, context()).isPositive());
    }

    @Test
    void shouldWriteTheSameStoriesAsAnUninterruptedRun() throws IOException {
        assertThat(REFERENCE_OUTPUTS.get("stories")).as(context()).hasSizeGreaterThan(ARTICLES);
        assertSame("stories", Function.identity());
    }

    @Test
    void shouldWriteTheSameClustersProvidersAndTopicsAsAnUninterruptedRun() throws IOException {
        for (String kind : AGGREGATES) {
            assertThat(REFERENCE_OUTPUTS.get(kind)).as("%s, %s", kind, context()).isNotEmpty();
            assertSame(kind, CrashRecoveryIT::withoutWriteTimes);
        }
    }

    @Test
    void shouldCountEveryStoryOnceInClustersProvidersAndTopicsAfterKills() {
        assertCountedOnce(CRASHED_OUTPUTS, "after kills");
    }

    @Test
    void shouldCountEveryStoryOnceInClustersProvidersAndTopicsWithoutKills() {
        assertCountedOnce(REFERENCE_OUTPUTS, "uninterrupted");
    }

    @Test
    void shouldDeadLetterNoneOfTheGeneratedDocuments() {
        assertThat(referenceDeadLetters).as("dead letters of the uninterrupted run, %s", context()).isZero();
        assertThat(crashedDeadLetters).as("dead letters after kills, %s", context()).isZero();
    }

    // ---------------------------------------------------------------- kills

    /** Waits until the pipeline has committed {@code target} offsets on the given topics, then kills it. */
    private static void killAt(String phase, Set<String> topics, long target) throws Exception {
        await(crashed + " committing " + target + " offsets on " + topics + " before the " + phase + " kill")
                .atMost(PHASE_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .failFast(crashed + " exited", () -> !crashed.isAlive())
                .ignoreExceptions()
                .until(() -> crashed.progress(admin, topics).committed() >= target);
        final EnrichPipeline.Progress reached = crashed.progress(admin, Set.of("raw", "story-events"));
        crashed.kill();
        final Kill kill = new Kill(phase, topics, target, crashed.progress(admin, topics).committed(), reached.lag());
        KILLS.add(kill);
        report("killed %s (log %s): %s", phase, crashed.log().getFileName(), kill);
    }

    private static long share(long work, double from, double to, SplittableRandom random) {
        return (long) (work * (from + (to - from) * random.nextDouble()));
    }

    // ---------------------------------------------------------------- comparisons

    private static void assertSame(String kind, Function<Map<String, JsonNode>, Map<String, JsonNode>> comparable)
            throws IOException {
        final Map<String, JsonNode> expected = comparable.apply(REFERENCE_OUTPUTS.get(kind));
        final Map<String, JsonNode> actual = comparable.apply(CRASHED_OUTPUTS.get(kind));
        final List<String> differences = new ArrayList<>();
        for (String key : new TreeSet<>(expected.keySet())) {
            if (!actual.containsKey(key)) {
                differences.add("only in the uninterrupted run: " + key + " " + expected.get(key));
            } else if (!expected.get(key).equals(actual.get(key))) {
                differences.add("differs: " + key + "\n  uninterrupted: " + expected.get(key) + "\n  after kills:   " + actual.get(key));
            }
        }
        for (String key : new TreeSet<>(actual.keySet())) {
            if (!expected.containsKey(key)) {
                differences.add("only after kills: " + key + " " + actual.get(key));
            }
        }
        final Path file = WORK.resolve("differences-" + kind + ".txt");
        Files.write(file, differences, StandardCharsets.UTF_8);
        assertThat(differences)
                .as("%s of %d keys differ between the uninterrupted run and the one killed at %s (all in %s; %s)",
                        kind, expected.size(), KILLS, file, context())
                .isEmpty();
    }

    /**
     * Exact counting, checked against the final stories: a story counted again after a restart, or
     * a contribution lost, shows as a size or count that is not the number of stories with that key.
     */
    private static void assertCountedOnce(Map<String, Map<String, JsonNode>> outputs, String run) {
        final Map<String, JsonNode> stories = outputs.get("stories");
        final Map<String, Map<String, Counted>> expected = Map.of(
                "clusters", count(stories, story -> List.of(story.path("clusterId").asString(""))),
                "providers", count(stories, story -> List.of(story.path("provider").path("key").asString(""))),
                "topics", count(stories, story -> {
                    final List<String> slugs = new ArrayList<>();
                    story.path("topicSlugs").forEach(slug -> slugs.add(slug.asString()));
                    return slugs;
                }));
        for (String kind : AGGREGATES) {
            final Map<String, Counted> counted = new HashMap<>();
            // A cluster calls its stories its size.
            final String storiesField = kind.equals("clusters") ? "size" : "stories";
            outputs.get(kind).forEach((key, record) -> counted.put(key,
                    new Counted(record.path(storiesField).asLong(-1), record.path("articles").asLong(-1))));
            assertThat(counted).as("%s %s: stories and articles per key (%s)", run, kind, context())
                    .isEqualTo(expected.get(kind));
        }
    }

    /** How many stories, and ARTICLE stories, a cluster, provider or topic record holds. */
    private record Counted(long stories, long articles) {
    }

    private static Map<String, Counted> count(Map<String, JsonNode> stories, Function<JsonNode, List<String>> keys) {
        final Map<String, Counted> counts = new HashMap<>();
        for (JsonNode story : stories.values()) {
            final long article = story.path("kind").asString("").equals("ARTICLE") ? 1 : 0;
            for (String key : keys.apply(story)) {
                counts.merge(key, new Counted(1, article),
                        (a, b) -> new Counted(a.stories() + b.stories(), a.articles() + b.articles()));
            }
        }
        return counts;
    }

    private static Map<String, JsonNode> withoutWriteTimes(Map<String, JsonNode> records) {
        final Map<String, JsonNode> copies = new HashMap<>();
        records.forEach((key, record) -> {
            final ObjectNode copy = ((ObjectNode) record).deepCopy();
            copy.remove(WRITE_TIME_FIELDS);
            copies.put(key, copy);
        });
        return copies;
    }

    // ---------------------------------------------------------------- report

    private static String context() {
        return "seed " + SEED + ", " + ARTICLES + " articles; logs and report in " + WORK;
    }

    /** A line of report.txt saying how long the test has run. */
    private static void lap(long started, String format, Object... arguments) throws IOException {
        report("%5.1f s  %s", (System.nanoTime() - started) / 1e9, String.format(Locale.ROOT, format, arguments));
    }

    /** A line of report.txt, written at once so a long run can be followed. */
    private static void report(String format, Object... arguments) throws IOException {
        Files.writeString(WORK.resolve("report.txt"), String.format(Locale.ROOT, format, arguments) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
