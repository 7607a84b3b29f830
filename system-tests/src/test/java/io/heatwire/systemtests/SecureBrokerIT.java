package io.heatwire.systemtests;

import static io.heatwire.systemtests.KafkaTopics.header;
import static io.heatwire.systemtests.ServiceHttp.awaitReadiness;
import static io.heatwire.systemtests.ServiceHttp.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.heatwire.localkafka.LocalKafkaProcess;
import io.heatwire.localkafka.ScramUser;
import io.heatwire.support.process.ChildProcess;

/**
 * SPEC 13: Kafka security settings pass through the standard {@code spring.kafka.*} properties.
 * The broker's client listener asks for SASL/SCRAM-SHA-512; enrich-service, ingest-service and
 * their commands get nothing but the three standard settings
 * ({@code spring.kafka.security.protocol}, {@code spring.kafka.properties.sasl.mechanism},
 * {@code spring.kafka.properties.sasl.jaas.config}) besides the usual topic names and ports.
 *
 * <p>Through that listener the services create their topics (Spring's KafkaAdmin), report ready
 * (the broker probes' AdminClients), publish the seeds by HTTP, the {@code publish} command and the
 * spool directory (the KafkaTemplate's producer), and enrich-service turns them into stories (Kafka
 * Streams' consumer, producer, restore consumer and admin). A document without a URL is
 * dead-lettered and then replayed with {@code replay-dead-letters}, and the {@code summary} command
 * waits for the pipeline: both commands' clients authenticate with the same settings. A wrong
 * password is refused with a clear message, by ingest-service's {@code publish} and by the
 * {@code summary} command.
 *
 * <p>Everything runs under {@code target/secure-broker-it}: the processes' logs in {@code logs},
 * the broker's in {@code kafka/broker.out}.
 */
class SecureBrokerIT {

    private static final Path INGEST_JAR = Path.of("..", "ingest-service", "target", "ingest-service.jar");
    private static final Path ENRICH_JAR = Path.of("..", "enrich-service", "target", "enrich-service.jar");
    private static final Path SEEDS = Path.of("..", "seeds");
    private static final Path WORK = Path.of("target", "secure-broker-it").toAbsolutePath();
    private static final Path LOGS = WORK.resolve("logs");
    private static final Path SPOOL = WORK.resolve("spool");
    private static final ScramUser USER = new ScramUser("heatwire", "secure-broker-it-secret");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final byte[] WITHOUT_URL =
            "---\ntitle: \"No URL here\"\npublishedDateTime: 2024-05-01T00:00:00Z\n---\n"
                    .getBytes(StandardCharsets.UTF_8);

    private static LocalKafkaProcess broker;
    private static EnrichPipeline pipeline;
    private static ChildProcess enrichService;
    private static ChildProcess ingestService;
    private static final List<String> POST_ANSWERS = new ArrayList<>();
    private static int publishExit;
    private static int replayExit;
    private static String replayOutput;
    private static Set<String> topics;
    private static Map<String, JsonNode> stories;
    private static List<ConsumerRecord<byte[], byte[]>> deadLetters;
    private static List<Path> seeds;

    @BeforeAll
    static void publishTheSeedsThroughTheScramListener() throws Exception {
        assertThat(INGEST_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        assertThat(ENRICH_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        WorkDirectory.deleteRecursively(WORK);
        Files.createDirectories(SPOOL);
        try (Stream<Path> files = Files.list(SEEDS)) {
            seeds = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(seeds).as("the seeds in %s", SEEDS).hasSize(5);

        broker = LocalKafkaProcess.start(
                LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka")).withScram(USER), START_TIMEOUT);
        final String bootstrap = broker.bootstrapServers();
        pipeline = new EnrichPipeline("secure", ENRICH_JAR, bootstrap, WORK, security(USER));

        // Nothing is created beforehand: the services create their topics through the SCRAM listener.
        final int enrichPort = freePort();
        enrichService = pipeline.startInstance("a", enrichPort);
        final int ingestPort = freePort();
        final List<String> ingestArguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--server.port=" + ingestPort,
                "--heatwire.topics.raw=" + pipeline.topic("raw"),
                "--heatwire.ingest.spool.dir=" + SPOOL));
        ingestArguments.addAll(security(USER));
        ingestService = ChildProcess.start(
                "ingest-service",
                ChildProcess.javaJar(INGEST_JAR, "384m", ingestArguments.toArray(String[]::new)),
                LOGS.resolve("ingest-service.log"));
        awaitReadiness(ingestService, ingestPort, 200, START_TIMEOUT);
        awaitReadiness(enrichService, enrichPort, 200, START_TIMEOUT);

        // Two seeds and the broken document by HTTP, two with the publish command, one spooled.
        for (Path seed : seeds.subList(0, 2)) {
            POST_ANSWERS.add(post(
                    ingestPort, Files.readAllBytes(seed), seed.getFileName().toString()));
        }
        POST_ANSWERS.add(post(ingestPort, WITHOUT_URL, "broken/without-url"));
        final Path published = Files.createDirectories(WORK.resolve("published"));
        for (Path seed : seeds.subList(2, 4)) {
            Files.copy(seed, published.resolve(seed.getFileName()));
        }
        publishExit = publish(bootstrap, USER, published, "publish");
        final Path spooled = SPOOL.resolve(seeds.get(4).getFileName());
        Files.copy(seeds.get(4), SPOOL.resolve(spooled.getFileName() + ".part"));
        Files.move(SPOOL.resolve(spooled.getFileName() + ".part"), spooled, StandardCopyOption.ATOMIC_MOVE);
        await("the spooled seed moved to processed/ (log " + ingestService.log() + ")")
                .atMost(PHASE_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .failFast("ingest-service exited; see " + ingestService.log(), () -> !ingestService.isAlive())
                .until(() -> Files.exists(SPOOL.resolve("processed").resolve(spooled.getFileName())));

        pipeline.awaitCaughtUp(PHASE_TIMEOUT);
        final Path replayLog = LOGS.resolve("replay-dead-letters.log");
        final List<String> replay = new ArrayList<>(List.of(
                "replay-dead-letters",
                "--bootstrap-servers",
                bootstrap,
                "--dlq-topic",
                pipeline.topic("dlq"),
                "--raw-topic",
                pipeline.topic("raw")));
        replay.addAll(security(USER));
        replayExit = ChildProcess.run(
                "replay-dead-letters",
                ChildProcess.javaJar(ENRICH_JAR, "256m", replay.toArray(String[]::new)),
                replayLog,
                COMMAND_TIMEOUT);
        replayOutput = Files.readString(replayLog, StandardCharsets.UTF_8);
        // Still without a URL, the replayed document comes back as a second dead letter.
        await("the replayed document dead-lettered again on " + pipeline.topic("dlq") + " (" + context() + ")")
                .atMost(PHASE_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .failFast("enrich-service exited; see " + enrichService.log(), () -> !enrichService.isAlive())
                .until(() -> KafkaTopics.count(broker.clientConfig(), pipeline.topic("dlq")) >= 2);

        try (Admin admin = Admin.create(broker.clientConfig())) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
        stories = KafkaTopics.latestValues(broker.clientConfig(), pipeline.topic("stories"));
        deadLetters = KafkaTopics.records(broker.clientConfig(), pipeline.topic("dlq"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Teardown.closeAll(ingestService, pipeline, broker);
    }

    @Test
    void shouldCreateEveryTopicThroughTheScramListener() {
        final List<String> wanted =
                EnrichPipeline.TOPICS.stream().map(pipeline::topic).toList();
        assertThat(topics).as("topics on the broker (%s)", context()).containsAll(wanted);
    }

    @Test
    void shouldPublishByHttpThePublishCommandAndTheSpoolDirectory() {
        assertThat(POST_ANSWERS)
                .as("POST /api/articles answers (%s)", context())
                .allMatch(answer -> answer.startsWith("202 "));
        assertThat(publishExit)
                .as("publish exit code; see %s", LOGS.resolve("publish.log"))
                .isZero();
    }

    @Test
    void shouldTurnEverySeedIntoItsStory() throws IOException {
        final Set<String> urls = new TreeSet<>();
        for (Path seed : seeds) {
            urls.add(RawDocument.webUrl(seed.toString(), Files.readAllBytes(seed)));
        }
        assertThat(CompactedOutputs.articleUrls(stories))
                .as("URLs of the ARTICLE stories (%s)", context())
                .isEqualTo(urls);
    }

    @Test
    void shouldDeadLetterAndReplayThroughTheScramListener() {
        assertThat(replayExit)
                .as("replay-dead-letters exit code; output:%n%s", replayOutput)
                .isZero();
        assertThat(replayOutput).contains("replayed 1 dead letters to " + pipeline.topic("raw"));
        assertThat(deadLetters).as("dead letters (%s)", context()).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.value()).isEqualTo(WITHOUT_URL);
            assertThat(header(letter, "heatwire-error-code")).isEqualTo("MISSING_URL");
        });
    }

    @Test
    void shouldRefuseAWrongPasswordWithAClearMessage() throws Exception {
        final ScramUser impostor = new ScramUser(USER.name(), "wrong-password");
        final Path refused = Files.createDirectories(WORK.resolve("refused"));
        Files.copy(seeds.get(0), refused.resolve(seeds.get(0).getFileName()));
        final int publish = publish(broker.bootstrapServers(), impostor, refused, "publish-wrong-password");
        assertThat(publish)
                .as("publish with a wrong password; see %s", LOGS.resolve("publish-wrong-password.log"))
                .isEqualTo(1);
        assertThat(Files.readString(LOGS.resolve("publish-wrong-password.log"), StandardCharsets.UTF_8))
                .contains("SaslAuthenticationException")
                .contains("invalid credentials");

        final Path summaryLog = LOGS.resolve("summary-wrong-password.log");
        final List<String> summary = new ArrayList<>(List.of(
                "summary",
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--application-id",
                pipeline.applicationId(),
                "--wait-seconds",
                "60"));
        summary.addAll(security(impostor));
        final int exit = ChildProcess.run(
                "summary",
                ChildProcess.javaJar(ENRICH_JAR, "256m", summary.toArray(String[]::new)),
                summaryLog,
                COMMAND_TIMEOUT);
        assertThat(exit).as("summary with a wrong password; see %s", summaryLog).isEqualTo(1);
        assertThat(Files.readString(summaryLog, StandardCharsets.UTF_8))
                .contains("summary failed")
                .contains("refused")
                .contains("invalid credentials");
    }

    /** What a user passes to both services and their commands for a SCRAM listener. */
    private static List<String> security(ScramUser user) {
        return List.of(
                "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=" + ScramUser.MECHANISM,
                "--spring.kafka.properties.sasl.jaas.config=" + user.jaasConfig());
    }

    private static int publish(String bootstrap, ScramUser user, Path directory, String name)
            throws IOException, InterruptedException {
        final List<String> arguments = new ArrayList<>(List.of(
                "publish",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--heatwire.topics.raw=" + pipeline.topic("raw")));
        arguments.addAll(security(user));
        arguments.add(directory.toString());
        return ChildProcess.run(
                name,
                ChildProcess.javaJar(INGEST_JAR, "256m", arguments.toArray(String[]::new)),
                LOGS.resolve(name + ".log"),
                COMMAND_TIMEOUT);
    }

    private static String post(int port, byte[] document, String sourceId) throws IOException, InterruptedException {
        final HttpResponse<String> answer = ServiceHttp.post(port, "/api/articles", document, "X-Source-Id", sourceId);
        return answer.statusCode() + " " + answer.body();
    }

    private static String context() {
        return "logs under " + LOGS + ", broker log " + WORK.resolve("kafka").resolve("broker.out");
    }
}
