package io.heatwire.systemtests;

import static io.heatwire.systemtests.ServiceHttp.awaitReadiness;
import static io.heatwire.systemtests.ServiceHttp.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.heatwire.localkafka.BrokerSettings;
import io.heatwire.localkafka.LocalKafkaProcess;
import io.heatwire.support.process.ChildProcess;

/**
 * SPEC 13: enrich-service started from nothing while its broker is down waits for it. Meanwhile
 * it runs and answers its probes, alive but not ready; once the broker is up it creates its topics,
 * starts its Streams client without a missing-topic failure, becomes ready and processes what
 * arrives.
 *
 * <p>The broker's ports are chosen first, enrich-service is started against them, and the broker
 * only once enrich-service has said twice that it waits. Everything runs under
 * {@code target/broker-down-at-start-it}: enrich-service's log in {@code logs}, the broker's in
 * {@code kafka/broker.out}.
 */
class BrokerDownAtStartIT {

    private static final Path ENRICH_JAR = Path.of("..", "enrich-service", "target", "enrich-service.jar");
    private static final Path WORK =
            Path.of("target", "broker-down-at-start-it").toAbsolutePath();
    private static final int ARTICLES = 200;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern WAITING = Pattern.compile("waiting for the broker before Kafka Streams starts");
    private static final Pattern STREAMS_FAILURE =
            Pattern.compile("MissingSourceTopicException|State transition from \\w+ to (PENDING_)?ERROR");

    private static LocalKafkaProcess broker;
    private static Admin admin;
    private static EnrichPipeline pipeline;
    private static ChildProcess enrichService;
    private static int port;
    private static int livenessWhileDown;
    private static int readinessWhileDown;
    private static String log;

    @BeforeAll
    static void startEnrichServiceBeforeTheBroker() throws Exception {
        assertThat(ENRICH_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        WorkDirectory.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        final BrokerSettings settings = LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka"));
        // A start-up backoff below the default only shortens the test; the behaviour is the same.
        pipeline = new EnrichPipeline(
                "late-broker",
                ENRICH_JAR,
                settings.bootstrapServers(),
                WORK,
                List.of("--heatwire.instance.start-backoff=1s"));
        port = freePort();
        enrichService = pipeline.startInstance("a", port);

        await("enrich-service waiting for the broker (log: " + enrichService.log() + ")")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .failFast(enrichService.name() + " exited; see " + enrichService.log(), () -> !enrichService.isAlive())
                .ignoreExceptions()
                .until(() -> ServiceHttp.get(port, "/actuator/health/liveness").statusCode() == 200
                        && WAITING.matcher(Files.readString(enrichService.log(), StandardCharsets.UTF_8))
                                        .results()
                                        .count()
                                >= 1);
        livenessWhileDown = ServiceHttp.get(port, "/actuator/health/liveness").statusCode();
        readinessWhileDown = ServiceHttp.get(port, "/actuator/health/readiness").statusCode();

        broker = LocalKafkaProcess.start(settings, START_TIMEOUT);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        awaitReadiness(enrichService, port, 200, START_TIMEOUT);

        final GeneratedCorpus corpus = GeneratedCorpus.generate(ARTICLES, new SplittableRandom(1).nextLong());
        KafkaTopics.publish(
                broker.bootstrapServers(),
                List.of(pipeline.topic("raw")),
                corpus.documents(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        pipeline.awaitCaughtUp(START_TIMEOUT);
        log = Files.readString(enrichService.log(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Teardown.closeAll(pipeline, admin, broker);
    }

    @Test
    void shouldBeAliveButNotReadyWhileTheBrokerIsDown() {
        assertThat(livenessWhileDown).as("liveness while the broker is down").isEqualTo(200);
        assertThat(readinessWhileDown).as("readiness while the broker is down").isEqualTo(503);
    }

    @Test
    void shouldCreateItsTopicsOnceTheBrokerIsUp() throws Exception {
        final Set<String> topics = admin.listTopics().names().get();

        assertThat(topics)
                .containsAll(EnrichPipeline.TOPICS.stream().map(pipeline::topic).toList());
    }

    @Test
    void shouldProcessWhatArrivesWithoutAMissingTopicFailure() {
        assertThat(log).doesNotContainPattern(STREAMS_FAILURE);
        assertThat(enrichService.isAlive()).isTrue();
        assertThat(KafkaTopics.latestValues(broker.bootstrapServers(), pipeline.topic("stories")))
                .hasSizeGreaterThanOrEqualTo(ARTICLES);
        assertThat(KafkaTopics.count(broker.bootstrapServers(), pipeline.topic("dlq")))
                .isZero();
    }
}
