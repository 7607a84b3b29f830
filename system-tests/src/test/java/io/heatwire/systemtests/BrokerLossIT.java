package io.heatwire.systemtests;

import static io.heatwire.systemtests.ServiceHttp.awaitReadiness;
import static io.heatwire.systemtests.ServiceHttp.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heatwire.article.story.SourceVersion;
import io.heatwire.localkafka.BrokerSettings;
import io.heatwire.localkafka.LocalKafkaProcess;
import io.heatwire.support.process.ChildProcess;

/**
 * SPEC 13: the broker goes away for half a minute while documents arrive, and comes back on the
 * same settings. Meanwhile both services say they are not ready, ingest-service keeps every spooled
 * file in the spool directory and answers a POST with 503 and Retry-After; afterwards both recover
 * without a restart, every document reaches the raw topic and enrich-service's outputs are those
 * of an uninterrupted run of the same raw records.
 *
 * <p>ingest-service runs with a spool directory and HTTP, enrich-service beside it, both from the
 * packaged jars. The generated documents go out in three parts, alternately as spooled files and
 * POSTs: a third before the outage, a third during it, the rest after it. The reference pipeline,
 * started only once the broker is back, reads a copy of the raw records the recovered one read
 * (same keys, bytes, headers, timestamps), so the comparison does not depend on when ingest-service
 * stamped each document.
 *
 * <p>{@code -Dheatwire.outage.articles=N} sets the number of articles (default 400),
 * {@code -Dheatwire.outage.seed=S} repeats a run. Everything runs under
 * {@code target/broker-loss-it}: the processes' logs in {@code logs} (a restarted broker appends to
 * {@code kafka/broker.out}), the spool directory in {@code spool}, timings and what was seen during
 * the outage in {@code report.txt}, differences between the pipelines in {@code differences-*.txt}.
 */
class BrokerLossIT {

    private static final Path INGEST_JAR = Path.of("..", "ingest-service", "target", "ingest-service.jar");
    private static final Path ENRICH_JAR = Path.of("..", "enrich-service", "target", "enrich-service.jar");
    private static final Path WORK = Path.of("target", "broker-loss-it").toAbsolutePath();
    private static final Path LOGS = WORK.resolve("logs");
    private static final Path SPOOL = WORK.resolve("spool");
    private static final int ARTICLES = Integer.getInteger("heatwire.outage.articles", 400);
    private static final long SEED = Long.getLong("heatwire.outage.seed", new SplittableRandom().nextLong());
    private static final int PARTITIONS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READINESS_FLIP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern STREAMS_ERROR = Pattern.compile("State transition from \\w+ to (PENDING_)?ERROR");

    private static BrokerSettings brokerSettings;
    private static LocalKafkaProcess broker;
    private static Admin admin;
    private static RunReport report;
    private static EnrichPipeline recovered;
    private static EnrichPipeline reference;
    private static ChildProcess enrichService;
    private static ChildProcess ingestService;
    private static int enrichPort;
    private static int ingestPort;
    private static IngestFeed feed;
    private static List<RawDocument> documents;

    /** Whatever broke the outage's expectations, when it was seen. */
    private static final List<String> OUTAGE_VIOLATIONS = new CopyOnWriteArrayList<>();

    private static Instant brokerStopped;
    private static List<String> waitingAtRestart;
    private static List<IngestFeed.Answer> answersDuringOutage;
    private static List<String> rawValueHashes;
    private static PipelineComparison outputs;

    @BeforeAll
    static void publishAcrossAnOutage() throws Exception {
        assertThat(INGEST_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        assertThat(ENRICH_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        WorkDirectory.deleteRecursively(WORK);
        Files.createDirectories(SPOOL);
        report = new RunReport(WORK.resolve("report.txt"));
        final GeneratedCorpus corpus = GeneratedCorpus.generate(ARTICLES, SEED);
        final List<RawDocument> all = new ArrayList<>(corpus.documents());
        all.addAll(corpus.bridges());
        documents = List.copyOf(all);
        report.line(
                "seed %d: %d articles, %d documents with edits, re-publications and bridges",
                SEED, ARTICLES, documents.size());

        brokerSettings = LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka"));
        broker = LocalKafkaProcess.start(brokerSettings, START_TIMEOUT);
        final String bootstrap = broker.bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        recovered = new EnrichPipeline("recovered", ENRICH_JAR, bootstrap, WORK, List.of());
        reference = new EnrichPipeline("reference", ENRICH_JAR, bootstrap, WORK, List.of());
        admin.createTopics(List.of(recovered.topic("raw"), reference.topic("raw")).stream()
                        .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                        .toList())
                .all()
                .get();

        enrichPort = freePort();
        enrichService = recovered.startInstance("a", enrichPort);
        ingestPort = freePort();
        // Short send timeouts only make the outage's answers and retries come sooner.
        ingestService = ChildProcess.start(
                "ingest-service",
                ChildProcess.javaJar(
                        INGEST_JAR,
                        "384m",
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--server.port=" + ingestPort,
                        "--heatwire.topics.raw=" + recovered.topic("raw"),
                        "--heatwire.ingest.spool.dir=" + SPOOL,
                        "--heatwire.ingest.spool.send-timeout=5s",
                        "--heatwire.ingest.http.send-timeout=2s"),
                LOGS.resolve("ingest-service.log"));
        awaitReadiness(ingestService, ingestPort, 200, START_TIMEOUT);
        awaitReadiness(enrichService, enrichPort, 200, START_TIMEOUT);
        report.lap("both services ready");

        feed = new IngestFeed(documents, SPOOL, ingestPort);
        feed.start();
        final int third = documents.size() / 3;
        feed.release(third);
        awaitDelivered(third, "before the outage");
        report.lap("published %d documents", third);

        broker.stop();
        brokerStopped = Instant.now();
        feed.release(2 * third);
        awaitReadiness(enrichService, enrichPort, 503, READINESS_FLIP_TIMEOUT);
        awaitReadiness(ingestService, ingestPort, 503, READINESS_FLIP_TIMEOUT);
        report.lap("broker stopped; both services not ready");
        final int processedBefore = feed.processed().size();
        try {
            await("the outage's expectations for " + OUTAGE)
                    .during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(20))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> outageHolds(processedBefore));
        } catch (ConditionTimeoutException e) {
            OUTAGE_VIOLATIONS.add(e.getMessage());
        }
        waitingAtRestart = feed.waiting();
        answersDuringOutage = feed.answers().stream()
                .filter(answer -> answer.sent().isAfter(brokerStopped))
                .toList();
        report.lap(
                "outage over: %d files waiting in the spool, %d POSTs answered %s; violations %s",
                waitingAtRestart.size(),
                answersDuringOutage.size(),
                answersDuringOutage.stream()
                        .map(IngestFeed.Answer::status)
                        .collect(Collectors.toCollection(TreeSet::new)),
                OUTAGE_VIOLATIONS);

        broker = LocalKafkaProcess.start(brokerSettings, START_TIMEOUT);
        report.lap("broker restarted");
        // Started now, so it never sees the outage; it reads nothing until the copy.
        reference.start();
        awaitReadiness(ingestService, ingestPort, 200, START_TIMEOUT);
        report.lap("ingest-service ready again");
        awaitReadiness(enrichService, enrichPort, 200, START_TIMEOUT);
        report.lap("enrich-service ready again");

        feed.release(documents.size());
        awaitDelivered(documents.size(), "after the outage");
        feed.close();
        // Stopped before the raw topic is read, so nothing it still holds arrives after the copy.
        ingestService.stop();
        report.lap("published all %d documents", documents.size());

        recovered.awaitCaughtUp(PHASE_TIMEOUT);
        report.lap("recovered: caught up");
        final long copied = KafkaTopics.copy(bootstrap, recovered.topic("raw"), reference.topic("raw"));
        reference.awaitCaughtUp(PHASE_TIMEOUT);
        report.lap("reference: caught up with a copy of the %d raw records", copied);

        rawValueHashes = KafkaTopics.values(bootstrap, recovered.topic("raw")).stream()
                .map(SourceVersion::sha256Hex)
                .toList();
        outputs = PipelineComparison.read(
                bootstrap, reference, "in the uninterrupted run", recovered, "across the outage", WORK);
        report.lap(
                "read the outputs: %d stories, %d clusters",
                outputs.actual().of("stories").size(),
                outputs.actual().of("clusters").size());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Teardown.closeAll(feed, ingestService, recovered, reference, admin, broker);
    }

    @Test
    void shouldStayNotReadyKeepSpooledFilesAndAnswer503WhileTheBrokerIsDown() {
        assertThat(OUTAGE_VIOLATIONS).as(context()).isEmpty();
        assertThat(waitingAtRestart)
                .as("files spooled during the outage, %s", context())
                .isNotEmpty();
        assertThat(answersDuringOutage)
                .as("POSTs during the outage, %s", context())
                .isNotEmpty();
    }

    @Test
    void shouldRecoverWithoutARestartOrAStreamsClientError() throws IOException {
        assertThat(enrichService.isAlive())
                .as("enrich-service alive, %s", context())
                .isTrue();
        assertThat(Files.readString(enrichService.log(), StandardCharsets.UTF_8))
                .as("Kafka Streams state transitions in %s", enrichService.log())
                .doesNotContainPattern(STREAMS_ERROR);
    }

    @Test
    void shouldMoveEverySpooledFileToProcessed() throws IOException {
        assertThat(feed.processed())
                .as("processed/, %s", context())
                .containsExactlyInAnyOrderElementsOf(feed.spooled());
        assertThat(feed.waiting())
                .as("left in the spool directory, %s", context())
                .isEmpty();
        assertThat(feed.errors()).as("error/, %s", context()).isEmpty();
        assertThat(feed.failures()).as("writing the files, %s", context()).isEmpty();
    }

    @Test
    void shouldPublishEveryDocumentToTheRawTopic() {
        final Set<String> missing = new TreeSet<>();
        for (RawDocument document : documents) {
            missing.add(SourceVersion.sha256Hex(document.value()));
        }
        missing.removeAll(rawValueHashes);
        assertThat(missing)
                .as("SHA-256 of documents not on the raw topic, %s", context())
                .isEmpty();
    }

    @Test
    void shouldWriteAStoryForEveryArticle() {
        final Set<String> urls = new TreeSet<>();
        for (RawDocument document : documents) {
            urls.add(document.url());
        }
        assertThat(CompactedOutputs.articleUrls(outputs.actual().of("stories")))
                .as("URLs of the ARTICLE stories, %s", context())
                .isEqualTo(urls);
    }

    @Test
    void shouldWriteTheSameStoriesAsAnUninterruptedRunOfTheSameRecords() throws IOException {
        outputs.assertSameStories(ARTICLES, UnaryOperator.identity(), context());
    }

    @Test
    void shouldWriteTheSameClustersProvidersAndTopicsAsAnUninterruptedRunOfTheSameRecords() throws IOException {
        outputs.assertSameAggregates(context());
    }

    @Test
    void shouldCountEveryStoryOnceInClustersProvidersAndTopics() {
        outputs.actual().assertCountsEveryStoryOnce(context());
    }

    @Test
    void shouldDeadLetterNoneOfTheDocuments() {
        outputs.assertNoDeadLetters(context());
    }

    // ---------------------------------------------------------------- the outage

    /**
     * Records what breaks the outage's expectations: both services not ready, no spooled file moved
     * or lost, every POST answered 503 with a Retry-After.
     */
    private static boolean outageHolds(int processedBefore) throws Exception {
        final List<String> violations = new ArrayList<>();
        final int enrichReadiness =
                ServiceHttp.get(enrichPort, "/actuator/health/readiness").statusCode();
        final int ingestReadiness =
                ServiceHttp.get(ingestPort, "/actuator/health/readiness").statusCode();
        if (enrichReadiness != 503 || ingestReadiness != 503) {
            violations.add("readiness: enrich-service " + enrichReadiness + ", ingest-service " + ingestReadiness);
        }
        final List<String> processed = feed.processed();
        final List<String> waiting = feed.waiting();
        if (processed.size() != processedBefore) {
            violations.add(processed.size() - processedBefore + " files moved to processed/");
        }
        final Set<String> kept = new TreeSet<>(processed);
        kept.addAll(waiting);
        if (!kept.containsAll(feed.spooled())) {
            violations.add("spooled files gone: "
                    + feed.spooled().stream()
                            .filter(name -> !kept.contains(name))
                            .toList());
        }
        feed.answers().stream()
                .filter(answer -> answer.sent().isAfter(brokerStopped))
                .filter(answer -> answer.status() != 503 || answer.retryAfter().isEmpty())
                .forEach(answer -> violations.add("POST answered " + answer));
        violations.forEach(violation -> OUTAGE_VIOLATIONS.add(
                Duration.between(brokerStopped, Instant.now()).toSeconds() + " s into the outage: " + violation));
        return violations.isEmpty();
    }

    private static void awaitDelivered(int count, String when) {
        await("the first " + count + " documents published " + when + " (spool " + SPOOL + ", log "
                        + ingestService.log() + ")")
                .atMost(PHASE_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .failFast("ingest-service exited; see " + ingestService.log(), () -> !ingestService.isAlive())
                .until(() -> feed.delivered(count));
    }

    private static String context() {
        return "seed " + SEED + ", " + ARTICLES + " articles; logs, spool and report in " + WORK;
    }
}
