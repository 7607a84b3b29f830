package io.heatwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.article.parse.SeedDocuments;
import io.heatwire.enrich.cli.ReplayCommand;
import io.heatwire.enrich.cli.SummaryCommand;
import io.heatwire.enrich.deadletter.DeadLetters;
import io.heatwire.support.contract.DeadLetterHeaders;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.kafka.streams.state-dir=target/streams-state/heatwire-enrich-it-${random.uuid}",
            "heatwire.topics.partitions=4"
        })
// The raw topic exists already, with 3 partitions: enrich-service must leave it so.
@EmbeddedKafka(partitions = 3, topics = "heatwire.articles.raw", brokerProperties = "message.max.bytes=4194304")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class EnrichApplicationIT {

    private static final String SECRET = "SECRET-never-in-a-log-7f3a";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    StreamsBuilderFactoryBean streams;

    // The tests share one broker and application; this one counts everything, so it runs first.
    @Test
    @Order(1)
    void shouldTurnTheSeedsIntoStoriesAndDeadLetterABrokenDocumentWithExactlyOnce(CapturedOutput logs)
            throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(admin.listTopics().names().get())
                            .contains(
                                    "heatwire.articles.raw",
                                    "heatwire.articles.dlq",
                                    "heatwire.stories",
                                    "heatwire.clusters",
                                    "heatwire.providers",
                                    "heatwire.topics"));
            final Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                            topicConfig("heatwire.articles.dlq"),
                            topicConfig("heatwire.stories"),
                            topicConfig("heatwire.clusters")))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(configs.get(topicConfig("heatwire.articles.dlq"))
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("delete");
            assertThat(configs.get(topicConfig("heatwire.articles.dlq"))
                            .get("retention.ms")
                            .value())
                    .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
            assertThat(configs.get(topicConfig("heatwire.stories"))
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
            assertThat(configs.get(topicConfig("heatwire.clusters"))
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
        }
        assertThat(streams.getStreamsConfiguration().getProperty("processing.guarantee"))
                .isEqualTo("exactly_once_v2");
        await().atMost(TIMEOUT).until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (byte[] seed : SeedDocuments.all().values()) {
                producer.send(new ProducerRecord<>("heatwire.articles.raw", seed))
                        .get(30, TimeUnit.SECONDS);
            }
            producer.send(new ProducerRecord<>(
                            "heatwire.articles.raw",
                            ("---\nsecured: \"" + SECRET + "\"\ntitle: [unclosed\n---\n")
                                    .getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = SummaryCommand.run(
                new String[] {"--bootstrap-servers", broker.getBrokersAsString(), "--wait-seconds", "60"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern(
                        "raw articles\\s+heatwire\\.articles\\.raw\\s+6 records\\s+[0-9.]+ KiB\\s+3 partitions")
                .containsPattern("dead letters\\s+heatwire\\.articles\\.dlq\\s+1 records")
                .containsPattern("YAML_SYNTAX\\s+1\\b")
                .containsPattern("stories\\s+heatwire\\.stories\\s+26 live\\s+\\(ARTICLE 5, REFERENCE 21\\)")
                .containsPattern("clusters\\s+heatwire\\.clusters\\s+5 live")
                .containsPattern("enrich-service lag\\s+heatwire-enrich\\s+0 records behind");
        final List<ConsumerRecord<byte[], byte[]>> stories = readAll("heatwire.stories");
        assertThat(stories.stream()
                        .map(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .distinct())
                .hasSize(26);
        for (ConsumerRecord<byte[], byte[]> story : stories) {
            assertThat(JsonSchemas.violations("story", story.value()))
                    .as(new String(story.key(), StandardCharsets.UTF_8))
                    .isEmpty();
        }
        for (String[] topicAndSchema : new String[][] {
            {"heatwire.clusters", "cluster"}, {"heatwire.providers", "provider"}, {"heatwire.topics", "topic"}
        }) {
            final List<ConsumerRecord<byte[], byte[]>> records = readAll(topicAndSchema[0]);
            assertThat(records).as(topicAndSchema[0]).isNotEmpty();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.value() != null) {
                    assertThat(JsonSchemas.violations(topicAndSchema[1], record.value()))
                            .as(new String(record.key(), StandardCharsets.UTF_8))
                            .isEmpty();
                }
            }
        }
        // SPEC 13: the `secured` field never appears in a log line, neither for a processed
        // document nor for a dead-lettered one.
        final List<String> secrets = new ArrayList<>(List.of(SECRET));
        for (byte[] seed : SeedDocuments.all().values()) {
            final java.util.regex.Matcher secured = java.util.regex.Pattern.compile("(?m)^secured: \"([^\"]+)\"")
                    .matcher(new String(seed, StandardCharsets.UTF_8));
            if (secured.find()) {
                secrets.add(secured.group(1));
            }
        }
        assertThat(secrets).hasSizeGreaterThan(3);
        assertThat(logs.getAll()).contains("dead-lettering YAML_SYNTAX");
        secrets.forEach(
                secret -> assertThat(logs.getAll()).doesNotContain(secret).doesNotContain(secret.substring(0, 24)));
        // The providers' figures equal a recomputation over the stories the same broker holds.
        final Map<String, JsonNode> latestStories = new HashMap<>();
        stories.forEach(
                r -> latestStories.put(new String(r.key(), StandardCharsets.UTF_8), MAPPER.readTree(r.value())));
        final Map<String, JsonNode> latestProviders = new HashMap<>();
        readAll("heatwire.providers")
                .forEach(r -> latestProviders.put(
                        new String(r.key(), StandardCharsets.UTF_8),
                        r.value() == null ? null : MAPPER.readTree(r.value())));
        final Map<String, List<JsonNode>> byProvider = new HashMap<>();
        latestStories
                .values()
                .forEach(story -> byProvider
                        .computeIfAbsent(story.path("provider").path("key").asString(), k -> new ArrayList<>())
                        .add(story));
        assertThat(latestProviders.keySet()).isEqualTo(byProvider.keySet());
        byProvider.forEach((key, members) -> {
            final List<Integer> qualities = members.stream()
                    .filter(m -> m.path("quality").isNumber())
                    .map(m -> m.path("quality").asInt())
                    .sorted()
                    .toList();
            final JsonNode provider = latestProviders.get(key);
            assertThat(provider.path("stories").asLong()).as(key).isEqualTo(members.size());
            assertThat(provider.path("quality").path("count").asLong()).isEqualTo(qualities.size());
            if (!qualities.isEmpty()) {
                assertThat(provider.path("quality").path("min").asInt()).isEqualTo(qualities.get(0));
                assertThat(provider.path("quality").path("max").asInt()).isEqualTo(qualities.get(qualities.size() - 1));
                assertThat(provider.path("quality").path("mean").asDouble())
                        .isEqualTo(qualities.stream()
                                .mapToInt(Integer::intValue)
                                .average()
                                .orElseThrow());
            }
        });
    }

    @Test
    void shouldReplayADeadLetterWithItsBytesAndOriginalHeaders() throws Exception {
        final byte[] broken = "---\ntitle: x\n---\n".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("heatwire.articles.raw", broken);
            record.headers().add("source", "replay-test".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        await().atMost(TIMEOUT).until(() -> missingUrlLetters().size() == 1);

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int exit = ReplayCommand.run(
                new String[] {"--bootstrap-servers", broker.getBrokersAsString(), "--code", "MISSING_URL"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("replayed 1 dead letters with code MISSING_URL");
        // Still broken, so it comes back: same bytes, its own header kept once, one error code.
        await().atMost(TIMEOUT).until(() -> missingUrlLetters().size() == 2);
        final ConsumerRecord<byte[], byte[]> again = missingUrlLetters().get(1);
        assertThat(again.value()).isEqualTo(broken);
        assertThat(again.headers().headers("source")).hasSize(1);
        assertThat(again.headers().headers(DeadLetterHeaders.CODE)).hasSize(1);
    }

    @Test
    void shouldDeadLetterADocumentOverTheSizeLimitWholeAndKeepRunning() throws Exception {
        final byte[] huge =
                ("---\ntitle: huge\nwebUrl: https://huge.example/a\npublishedDateTime: 2024-01-01T00:00:00Z\n"
                                + "excerpt: \"" + "x".repeat(1_100_000) + "\"\n---\n")
                        .getBytes(StandardCharsets.UTF_8);
        final byte[] after = ("---\ntitle: after\nwebUrl: https://after-huge.example/a\n"
                        + "publishedDateTime: 2024-01-01T00:00:00Z\n---\n")
                .getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        4_194_304),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("heatwire.articles.raw", huge)).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("heatwire.articles.raw", after)).get(30, TimeUnit.SECONDS);
        }

        await().atMost(TIMEOUT).until(() -> !letters("TOO_LARGE").isEmpty());
        assertThat(letters("TOO_LARGE"))
                .singleElement()
                .satisfies(letter -> assertThat(letter.value()).isEqualTo(huge));
        await().atMost(TIMEOUT)
                .until(() -> readAll("heatwire.stories").stream()
                        .anyMatch(r -> r.value() != null
                                && new String(r.value(), StandardCharsets.UTF_8).contains("after-huge.example")));
        assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private List<ConsumerRecord<byte[], byte[]>> missingUrlLetters() {
        return letters("MISSING_URL");
    }

    private List<ConsumerRecord<byte[], byte[]>> letters(String code) {
        final List<ConsumerRecord<byte[], byte[]>> letters = readAll("heatwire.articles.dlq");
        letters.removeIf(r -> !code.equals(DeadLetters.header(r.headers(), DeadLetterHeaders.CODE)));
        letters.sort(Comparator.comparing(ConsumerRecord::timestamp));
        return letters;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return new ArrayList<>(TopicContents.all(broker.getBrokersAsString(), topic));
    }

    private static ConfigResource topicConfig(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }
}
