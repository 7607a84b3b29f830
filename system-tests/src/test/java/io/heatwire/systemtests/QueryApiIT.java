package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import io.heatwire.localkafka.LocalKafkaProcess;
import io.heatwire.support.process.ChildProcess;

/**
 * SPEC 11: two enrich-service instances with one application id over six partitions answer the
 * query API from either instance with exactly what is committed to the output topics; hot clusters
 * equal a sort of the clusters topic; a merged-away cluster id redirects to its survivor. Then,
 * while a third instance joins and one of the first two stops (RebalanceIT's moves), a steady
 * stream of queries gets only correct 200s or 503s.
 *
 * <p>Everything runs under {@code target/query-api-it}: the instances' logs in {@code logs}, the
 * answers seen during the rebalance in {@code report.txt}; {@code -Dheatwire.query.articles=N} sets the
 * number of articles (default 400).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryApiIT {

    private static final Path ENRICH_JAR = Path.of("..", "enrich-service", "target", "enrich-service.jar");
    private static final Path WORK = Path.of("target", "query-api-it").toAbsolutePath();
    private static final int ARTICLES = Integer.getInteger("heatwire.query.articles", 400);
    private static final int PARTITIONS = 6;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(240);
    private static final List<String> OUTPUTS = List.of("stories", "clusters", "providers", "topics");
    private static final Map<String, String> PATHS = Map.of(
            "stories",
            "/api/stories/",
            "clusters",
            "/api/clusters/",
            "providers",
            "/api/providers/",
            "topics",
            "/api/topics/");
    private static final Pattern AMP_URL = Pattern.compile("(?m)^ampWebUrl: \"([^\"]+)\"");
    /** As RebalanceIT: a stopped member's partitions wait for its session to expire. */
    private static final List<String> SERVICE_ARGUMENTS =
            List.of("--spring.kafka.streams.properties.session.timeout.ms=10000");

    private static RunReport report;
    private static LocalKafkaProcess broker;
    private static Admin admin;
    private static EnrichPipeline pipeline;
    private static GeneratedCorpus corpus;
    private static final Map<String, ChildProcess> INSTANCES = new TreeMap<>();
    private static final Map<String, Integer> PORTS = new TreeMap<>();
    private static final Map<String, Map<String, JsonNode>> TOPICS = new TreeMap<>();

    @BeforeAll
    static void runTwoInstances() throws Exception {
        assertThat(ENRICH_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        WorkDirectory.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        report = new RunReport(WORK.resolve("report.txt"));
        corpus = GeneratedCorpus.generate(ARTICLES, 13);
        final List<RawDocument> documents = new ArrayList<>(corpus.documents());
        documents.addAll(corpus.bridges());

        broker = LocalKafkaProcess.start(LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka")), START_TIMEOUT);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        pipeline = new EnrichPipeline("query", ENRICH_JAR, broker.bootstrapServers(), WORK, SERVICE_ARGUMENTS);
        admin.createTopics(List.of(new NewTopic(pipeline.topic("raw"), PARTITIONS, (short) 1)))
                .all()
                .get();
        KafkaTopics.publish(
                broker.bootstrapServers(),
                List.of(pipeline.topic("raw")),
                documents,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (String instance : List.of("a", "b")) {
            start(instance);
        }
        pipeline.awaitCaughtUp(PHASE_TIMEOUT);
        for (String output : OUTPUTS) {
            TOPICS.put(output, KafkaTopics.latestValues(broker.bootstrapServers(), pipeline.topic(output)));
            assertThat(TOPICS.get(output)).as(output).isNotEmpty();
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Teardown.closeAll(pipeline, admin, broker);
    }

    @Test
    @Order(1)
    void shouldAnswerEveryRecordOfEveryOutputTopicFromBothInstances() {
        // The views read the outputs back; give them a bounded time to have read the last ones.
        await().atMost(PHASE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String output : OUTPUTS) {
                for (Map.Entry<String, JsonNode> record : TOPICS.get(output).entrySet()) {
                    for (int port : List.of(PORTS.get("a"), PORTS.get("b"))) {
                        final HttpResponse<String> response =
                                ServiceHttp.get(port, PATHS.get(output) + QueryApi.encode(record.getKey()));
                        assertThat(response.statusCode())
                                .as("%s %s on %d: %s", output, record.getKey(), port, response.body())
                                .isEqualTo(200);
                        assertThat(QueryApi.json(response))
                                .as("%s %s on %d", output, record.getKey(), port)
                                .isEqualTo(record.getValue());
                    }
                }
            }
        });
    }

    @Test
    @Order(2)
    void shouldListTheHottestClustersAsASortOfTheClustersTopicFromBothInstances() throws Exception {
        final List<JsonNode> expected = QueryApi.byHeat(TOPICS.get("clusters"));
        for (int port : List.of(PORTS.get("a"), PORTS.get("b"))) {
            final JsonNode hot = QueryApi.json(ServiceHttp.get(port, "/api/clusters/hot?limit=500"));
            assertThat(hot.get("items")).containsExactlyElementsOf(expected.subList(0, Math.min(500, expected.size())));
            assertThat(QueryApi.json(ServiceHttp.get(port, "/api/clusters/hot")).get("items"))
                    .containsExactlyElementsOf(expected.subList(0, Math.min(20, expected.size())));
            assertThat(QueryApi.all(port, "/api/clusters/hot", 7)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    @Order(3)
    void shouldRedirectAMergedAwayClusterIdToItsSurvivor() throws Exception {
        final Map<String, String> mergedAway = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record :
                KafkaTopics.records(broker.bootstrapServers(), pipeline.topic("clusters"))) {
            final String id = new String(record.key(), StandardCharsets.UTF_8);
            final JsonNode story = TOPICS.get("stories").get(id);
            if (record.value() == null && !TOPICS.get("clusters").containsKey(id) && story != null) {
                mergedAway.put(id, story.get("clusterId").asString());
            }
        }
        assertThat(mergedAway).as("ids merged into other clusters").isNotEmpty();
        for (Map.Entry<String, String> id : mergedAway.entrySet()) {
            for (int port : List.of(PORTS.get("a"), PORTS.get("b"))) {
                final HttpResponse<String> response = ServiceHttp.get(port, "/api/clusters/" + id.getKey());
                assertThat(response.statusCode()).as(id.getKey()).isEqualTo(308);
                assertThat(response.headers().firstValue("Location")).contains("/api/clusters/" + id.getValue());
            }
        }
    }

    @Test
    @Order(4)
    void shouldListEachClustersStoriesNewestFirstAcrossPages() throws Exception {
        final List<JsonNode> biggest = TOPICS.get("clusters").values().stream()
                .sorted(Comparator.comparingLong(
                        (JsonNode cluster) -> -cluster.get("size").asLong()))
                .limit(5)
                .toList();
        for (JsonNode cluster : biggest) {
            final String id = cluster.get("id").asString();
            final List<JsonNode> expected = TOPICS.get("stories").values().stream()
                    .filter(story -> id.equals(story.get("clusterId").asString()))
                    .sorted(Comparator.comparing(
                                    (JsonNode story) -> story.get("publishedAt").isNull()
                                            ? null
                                            : Instant.parse(
                                                    story.get("publishedAt").asString()),
                                    Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(story -> story.get("id").asString()))
                    .toList();
            assertThat(expected).hasSize((int) cluster.get("size").asLong());
            assertThat(QueryApi.all(PORTS.get("a"), "/api/clusters/" + id + "/stories", 9))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    @Order(5)
    void shouldListEveryProviderAndTopicByKeyAcrossPages() throws Exception {
        for (String output : List.of("providers", "topics")) {
            final List<JsonNode> expected =
                    new TreeMap<>(TOPICS.get(output)).values().stream().toList();
            assertThat(QueryApi.all(PORTS.get("b"), "/api/" + output, 11))
                    .as(output)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    @Order(6)
    void shouldFindStoriesByTheirUrlsAndByTheAliasUrlsOfArticles() throws Exception {
        final Map<String, JsonNode> byUrl = new TreeMap<>();
        TOPICS.get("stories")
                .values()
                .forEach(story -> byUrl.put(story.get("url").asString(), story));
        int aliases = 0;
        for (RawDocument document : corpus.documents()) {
            final String text = new String(document.value(), StandardCharsets.UTF_8);
            final String url = document.url();
            final JsonNode story = byUrl.get(url);
            assertThat(story).as("the story of %s on the topic", url).isNotNull();
            final String id = story.get("id").asString();
            final HttpResponse<String> found =
                    ServiceHttp.get(PORTS.get("a"), "/api/stories/by-url?url=" + QueryApi.encode(url));
            assertThat(found.statusCode()).as(url).isEqualTo(200);
            assertThat(QueryApi.json(found)).isEqualTo(story);
            assertThat(found.headers().firstValue("Content-Location")).contains("/api/stories/" + id);
            final Matcher amp = AMP_URL.matcher(text);
            if (amp.find()) {
                final HttpResponse<String> byAlias =
                        ServiceHttp.get(PORTS.get("b"), "/api/stories/by-url?url=" + QueryApi.encode(amp.group(1)));
                assertThat(byAlias.statusCode()).as(amp.group(1)).isEqualTo(200);
                assertThat(byAlias.headers().firstValue("Content-Location")).contains("/api/stories/" + id);
                aliases++;
            }
        }
        assertThat(aliases).as("articles with an AMP URL").isPositive();
    }

    @Test
    @Order(7)
    void shouldAnswerProblemDetailsForUnknownAndMalformedKeys() throws Exception {
        final HttpResponse<String> unknown = ServiceHttp.get(PORTS.get("a"), "/api/stories/" + "0".repeat(32));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ServiceHttp.get(PORTS.get("a"), "/api/clusters/not-an-id").statusCode())
                .isEqualTo(400);
        assertThat(ServiceHttp.get(PORTS.get("a"), "/api/clusters/hot?limit=501")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(8)
    void shouldWriteNoChangelogTopicForTheViews() throws Exception {
        final Set<String> topics = admin.listTopics().names().get();
        assertThat(topics)
                .filteredOn(topic -> topic.startsWith(pipeline.applicationId()))
                .noneMatch(topic ->
                        topic.contains("view") || topic.contains("story-index") || topic.contains("clusters-by-heat"));
    }

    @Test
    @Order(9)
    void shouldAnswerOnlyCorrectRecordsOr503WhileInstancesComeAndGo() throws Exception {
        final List<Map.Entry<String, JsonNode>> sample =
                TOPICS.get("stories").entrySet().stream().limit(200).toList();
        final AtomicBoolean moving = new AtomicBoolean(true);
        final List<String> wrong = new CopyOnWriteArrayList<>();
        final AtomicInteger correct = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final Thread queries = new Thread(
                () -> {
                    int i = 0;
                    while (moving.get()) {
                        final Map.Entry<String, JsonNode> story = sample.get(i++ % sample.size());
                        try {
                            final HttpResponse<String> response =
                                    ServiceHttp.get(PORTS.get("a"), "/api/stories/" + story.getKey());
                            if (response.statusCode() == 200
                                    && QueryApi.json(response).equals(story.getValue())) {
                                correct.incrementAndGet();
                            } else if (response.statusCode() == 503
                                    && response.headers()
                                            .firstValue("Retry-After")
                                            .isPresent()) {
                                unavailable.incrementAndGet();
                            } else {
                                wrong.add(story.getKey() + ": " + response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            wrong.add(story.getKey() + ": " + e);
                        }
                    }
                },
                "queries");
        queries.start();
        try {
            start("c");
            await("three members")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> pipeline.members(admin) == 3);
            INSTANCES.get("b").stop();
            await("two members")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> pipeline.members(admin) == 2);
            // Until the stopped member's partitions have moved and every sampled key answers again.
            await("every key answered after the moves")
                    .atMost(PHASE_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        for (Map.Entry<String, JsonNode> story : sample) {
                            if (ServiceHttp.get(PORTS.get("c"), "/api/stories/" + story.getKey())
                                            .statusCode()
                                    != 200) {
                                return false;
                            }
                        }
                        return true;
                    });
        } finally {
            moving.set(false);
            queries.join();
        }
        report.line(
                "while c joined and b stopped: %d correct 200s, %d 503s with Retry-After, %d other answers",
                correct.get(), unavailable.get(), wrong.size());
        assertThat(wrong)
                .as("answers neither a correct 200 nor a 503 with Retry-After")
                .isEmpty();
        assertThat(correct.get())
                .as("correct 200s while instances came and went")
                .isPositive();
        // c's indexes were built when its tasks started, from views restored from the topics.
        assertThat(QueryApi.all(PORTS.get("c"), "/api/clusters/hot", 50))
                .containsExactlyElementsOf(QueryApi.byHeat(TOPICS.get("clusters")));
    }

    private static void start(String instance) throws Exception {
        final int port = ServiceHttp.freePort();
        final ChildProcess process = pipeline.startInstance(instance, port);
        INSTANCES.put(instance, process);
        PORTS.put(instance, port);
        ServiceHttp.awaitReadiness(process, port, 200, START_TIMEOUT);
    }
}
