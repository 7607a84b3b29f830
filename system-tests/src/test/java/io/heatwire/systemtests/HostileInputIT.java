package io.heatwire.systemtests;

import static io.heatwire.article.story.SourceVersion.sha256Hex;
import static io.heatwire.systemtests.KafkaTopics.header;
import static io.heatwire.systemtests.ServiceHttp.awaitReadiness;
import static io.heatwire.systemtests.ServiceHttp.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.heatwire.localkafka.LocalKafkaProcess;
import io.heatwire.support.process.ChildProcess;

/**
 * SPEC 13: hostile documents that a crawler produces straight to the raw topic with its own Kafka
 * client — the real {@code kcat} (librdkafka), one invocation per document with a key and the
 * {@code source}, {@code content-sha256} and {@code ingested-at} headers — mixed in with good ones,
 * never stop, restart or stall enrich-service: each is dead-lettered with its original key, bytes
 * and headers and the code SPEC 4 gives it, and every good document still becomes its story.
 *
 * <p>The hostile documents are the parser corpus of enrich-service's tests (billion laughs, type
 * tags, binary, invalid UTF-8, only a fence, a sequence root) and documents built here (deep
 * nesting, a related list over the limit, a string over the limit, more than a MiB, NUL bytes,
 * syntax errors, missing fields). The good ones are the five seeds, a JSON article, one with a BOM
 * and CRLF line ends, and generated articles. kcat sends no empty message (it skips an empty file),
 * so the empty document is represented by one of only blanks.
 *
 * <p>Skipped when {@code kcat} is not on the PATH (Debian package {@code kcat}). Everything runs
 * under {@code target/hostile-input-it}: the documents as sent in {@code documents}, enrich-service's
 * log and kcat's output in {@code logs}, the broker's in {@code kafka/broker.out}.
 */
class HostileInputIT {

    private static final Path ENRICH_JAR = Path.of("..", "enrich-service", "target", "enrich-service.jar");
    private static final Path SEEDS = Path.of("..", "seeds");
    private static final Path PARSER_CORPUS = Path.of("..", "heatwire-article", "src", "test", "resources", "parse");
    private static final Path WORK = Path.of("target", "hostile-input-it").toAbsolutePath();
    private static final Path LOGS = WORK.resolve("logs");
    private static final Path DOCUMENTS = WORK.resolve("documents");
    private static final int GENERATED_ARTICLES = 30;
    private static final int PARTITIONS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration KCAT_TIMEOUT = Duration.ofSeconds(30);
    /** A Streams client or thread on its way down: an uncaught exception or a shutdown. */
    private static final Pattern STREAMS_STOPPING =
            Pattern.compile("State transition from \\w+ to (PENDING_SHUTDOWN|PENDING_ERROR|ERROR|NOT_RUNNING|DEAD)");

    /**
     * One document sent with kcat; {@code code} is the dead-letter code it must get, null for a good
     * one, and {@code url} the url of a good one's story.
     */
    private record Sent(String key, Path file, byte[] value, String code, String ingestedAt, String url) {

        boolean hostile() {
            return code != null;
        }
    }

    private static LocalKafkaProcess broker;
    private static EnrichPipeline pipeline;
    private static ChildProcess enrichService;
    private static int enrichPort;
    private static final List<Sent> SENT = new ArrayList<>();
    /** Readiness answers other than 200 while the documents were processed. */
    private static final List<String> NOT_READY = new CopyOnWriteArrayList<>();

    private static String enrichLogBeforeStop;
    private static List<ConsumerRecord<byte[], byte[]>> rawRecords;
    private static List<ConsumerRecord<byte[], byte[]>> deadLetters;
    private static Map<String, JsonNode> stories;

    @BeforeAll
    static void sendAMixedStreamWithKcat() throws Exception {
        Assumptions.assumeTrue(
                onPath("kcat"), "kcat is not on the PATH: install the Debian package kcat to run HostileInputIT");
        assertThat(ENRICH_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        WorkDirectory.deleteRecursively(WORK);
        Files.createDirectories(DOCUMENTS);

        broker = LocalKafkaProcess.start(LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka")), START_TIMEOUT);
        final String bootstrap = broker.bootstrapServers();
        pipeline = new EnrichPipeline("hostile", ENRICH_JAR, bootstrap, WORK, List.of());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(pipeline.topic("raw"), PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        enrichPort = freePort();
        enrichService = pipeline.startInstance("a", enrichPort);
        awaitReadiness(enrichService, enrichPort, 200, START_TIMEOUT);

        // Good and hostile documents alternate, so every hostile one is followed by work to do.
        final List<Sent> good = goodDocuments();
        final List<Sent> hostile = hostileDocuments();
        for (int i = 0; i < Math.max(good.size(), hostile.size()); i++) {
            if (i < good.size()) {
                SENT.add(good.get(i));
            }
            if (i < hostile.size()) {
                SENT.add(hostile.get(i));
            }
        }
        for (Sent document : SENT) {
            kcat(bootstrap, pipeline.topic("raw"), document);
        }

        final Set<String> wantedUrls = goodUrls();
        final long hostileCount = SENT.stream().filter(Sent::hostile).count();
        await("every good document's story on " + pipeline.topic("stories") + " and " + hostileCount
                        + " dead letters on " + pipeline.topic("dlq") + " (" + context() + ")")
                .atMost(PHASE_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .failFast("enrich-service exited; see " + enrichService.log(), () -> !enrichService.isAlive())
                .until(() -> {
                    recordReadiness();
                    return KafkaTopics.count(bootstrap, pipeline.topic("dlq")) >= hostileCount
                            && CompactedOutputs.articleUrls(
                                            KafkaTopics.latestValues(bootstrap, pipeline.topic("stories")))
                                    .containsAll(wantedUrls);
                });
        // The summary returns once the application has consumed everything and its outputs stand
        // still, so whatever else it would dead-letter is there now.
        pipeline.awaitCaughtUp(PHASE_TIMEOUT);
        recordReadiness();

        rawRecords = KafkaTopics.records(bootstrap, pipeline.topic("raw"));
        deadLetters = KafkaTopics.records(bootstrap, pipeline.topic("dlq"));
        stories = KafkaTopics.latestValues(bootstrap, pipeline.topic("stories"));
        enrichLogBeforeStop = Files.readString(enrichService.log(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Teardown.closeAll(pipeline, broker);
    }

    @Test
    void shouldPutEveryDocumentOnTheRawTopicAsKcatSentIt() {
        final Map<String, String> raw = new TreeMap<>();
        rawRecords.forEach(record -> raw.put(utf8(record.key()), sha256Hex(record.value())));
        assertThat(raw.keySet())
                .as("keys on the raw topic (%s)", context())
                .containsExactlyInAnyOrderElementsOf(
                        SENT.stream().map(Sent::key).toList());
        for (Sent document : SENT) {
            assertThat(raw.get(document.key()))
                    .as("SHA-256 of raw record %s (%s)", document.key(), context())
                    .isEqualTo(sha256Hex(document.value()));
        }
    }

    @Test
    void shouldDeadLetterEveryHostileDocumentWithItsKeyBytesHeadersAndCode() {
        final Map<String, ConsumerRecord<byte[], byte[]>> rawByKey = new TreeMap<>();
        rawRecords.forEach(record -> rawByKey.put(utf8(record.key()), record));
        final Map<String, List<ConsumerRecord<byte[], byte[]>>> lettersByKey = new TreeMap<>();
        deadLetters.forEach(letter -> lettersByKey
                .computeIfAbsent(utf8(letter.key()), key -> new ArrayList<>())
                .add(letter));
        for (Sent document : SENT.stream().filter(Sent::hostile).toList()) {
            final String what = "dead letter of " + document.key() + " (" + context() + ")";
            assertThat(lettersByKey.get(document.key())).as(what).hasSize(1);
            final ConsumerRecord<byte[], byte[]> letter =
                    lettersByKey.get(document.key()).get(0);
            // Compared by SHA-256: a failure message should not print a MiB of bytes.
            assertThat(sha256Hex(letter.value()))
                    .as("%s: the original bytes", what)
                    .isEqualTo(sha256Hex(document.value()));
            assertThat(header(letter, "heatwire-error-code"))
                    .as("%s: code", what)
                    .isEqualTo(document.code());
            assertThat(header(letter, "heatwire-error-message"))
                    .as("%s: message", what)
                    .isNotBlank();
            assertThat(header(letter, "ingested-at"))
                    .as("%s: original header", what)
                    .isEqualTo(document.ingestedAt());
            assertThat(header(letter, "source")).as("%s: original header", what).isEqualTo(source(document));
            assertThat(header(letter, "content-sha256"))
                    .as("%s: original header", what)
                    .isEqualTo(sha256Hex(document.value()));
            final ConsumerRecord<byte[], byte[]> raw = rawByKey.get(document.key());
            assertThat(List.of(
                            header(letter, "heatwire-error-source-topic"),
                            header(letter, "heatwire-error-source-partition"),
                            header(letter, "heatwire-error-source-offset")))
                    .as("%s: where it came from", what)
                    .containsExactly(raw.topic(), Integer.toString(raw.partition()), Long.toString(raw.offset()));
        }
    }

    @Test
    void shouldDeadLetterNothingElse() {
        final List<String> unexpected = deadLetters.stream()
                .filter(letter ->
                        SENT.stream().noneMatch(d -> d.hostile() && d.key().equals(utf8(letter.key()))))
                .map(letter -> utf8(letter.key()) + ": " + header(letter, "heatwire-error-code") + " "
                        + header(letter, "heatwire-error-message"))
                .toList();
        assertThat(unexpected)
                .as("dead letters of good documents (%s)", context())
                .isEmpty();
        assertThat(deadLetters).as("dead letters (%s)", context()).hasSize((int)
                SENT.stream().filter(Sent::hostile).count());
    }

    @Test
    void shouldWriteTheStoryOfEveryGoodDocument() {
        assertThat(CompactedOutputs.articleUrls(stories))
                .as("URLs of the ARTICLE stories (%s)", context())
                .isEqualTo(goodUrls());
    }

    @Test
    void shouldKeepTheSameProcessRunningAndItsStreamsClientRunningThroughout() {
        assertThat(enrichService.isAlive())
                .as("enrich-service alive (%s)", context())
                .isTrue();
        assertThat(NOT_READY)
                .as("readiness answers other than 200 while processing (%s)", context())
                .isEmpty();
        assertThat(enrichLogBeforeStop)
                .as("enrich-service started once, as pid %d (%s)", enrichService.pid(), enrichService.log())
                .containsOnlyOnce("Starting EnrichApplication")
                .contains("with PID " + enrichService.pid() + " ");
        assertThat(enrichLogBeforeStop)
                .as("Kafka Streams state transitions before the test stopped it (%s)", enrichService.log())
                .containsPattern("State transition from REBALANCING to RUNNING")
                .doesNotContainPattern(STREAMS_STOPPING);
    }

    // ---------------------------------------------------------------- the documents

    /** The seeds, two framings SPEC 3 accepts, and generated articles. */
    private static List<Sent> goodDocuments() throws IOException {
        final List<Sent> good = new ArrayList<>();
        try (Stream<Path> seeds = Files.list(SEEDS)) {
            for (Path seed : seeds.filter(Files::isRegularFile).sorted().toList()) {
                good.add(sent("good/seed/" + seed.getFileName(), seed, null));
            }
        }
        good.add(sent("good/json-article", PARSER_CORPUS.resolve("article.json"), null));
        good.add(sent("good/bom-crlf", PARSER_CORPUS.resolve("bom-crlf.txt"), null));
        // A fixed seed: the same documents on every run. Re-publications and edits repeat a URL.
        final GeneratedCorpus corpus = GeneratedCorpus.generate(GENERATED_ARTICLES, 20240501L);
        final List<RawDocument> generated = new ArrayList<>(corpus.documents());
        generated.addAll(corpus.bridges());
        for (int i = 0; i < generated.size(); i++) {
            // An edit or a re-publication has the key of its first version; the index keeps keys apart.
            final String name = i + "-" + generated.get(i).key().replace('/', '-');
            good.add(sent(
                    "good/generated/" + name,
                    write(name, generated.get(i).value()),
                    null,
                    generated.get(i).url()));
        }
        return good;
    }

    /** Each with the code MalformedDocumentCorpusTest expects of the parser for it. */
    private static List<Sent> hostileDocuments() throws IOException {
        final Map<String, Object[]> cases = new LinkedHashMap<>();
        // the parser corpus, as files
        cases.put("billion-laughs", new Object[] {PARSER_CORPUS.resolve("billion-laughs.yaml"), "LIMIT_EXCEEDED"});
        cases.put("random-binary", new Object[] {PARSER_CORPUS.resolve("binary.bin"), "NOT_UTF8"});
        cases.put("invalid-utf8", new Object[] {PARSER_CORPUS.resolve("invalid-utf8.txt"), "NOT_UTF8"});
        cases.put("java-tag", new Object[] {PARSER_CORPUS.resolve("java-tag.yaml"), "UNSUPPORTED_TAG"});
        cases.put("python-tag", new Object[] {PARSER_CORPUS.resolve("python-tag.yaml"), "UNSUPPORTED_TAG"});
        cases.put("custom-tag", new Object[] {PARSER_CORPUS.resolve("custom-tag.yaml"), "UNSUPPORTED_TAG"});
        cases.put("only-fence", new Object[] {PARSER_CORPUS.resolve("only-fence.txt"), "NOT_A_MAPPING"});
        cases.put("sequence-root", new Object[] {PARSER_CORPUS.resolve("sequence-root.yaml"), "NOT_A_MAPPING"});
        // built here
        cases.put("only-blanks", new Object[] {utf8Bytes(" \n\t\n"), "NOT_A_MAPPING"});
        cases.put("deep-flow-nesting", new Object[] {
            utf8Bytes(bare("deep") + "x: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n"), "LIMIT_EXCEEDED"
        });
        cases.put("deep-json-nesting", new Object[] {
            utf8Bytes("{\"x\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}"), "LIMIT_EXCEEDED"
        });
        cases.put("huge-related-list", new Object[] {utf8Bytes(relatedList(1_001)), "LIMIT_EXCEEDED"});
        cases.put("huge-string", new Object[] {
            utf8Bytes(fenced("huge-string", "excerpt: \"" + "x".repeat(200_000) + "\"")), "LIMIT_EXCEEDED"
        });
        cases.put("more-than-a-mib", new Object[] {
            utf8Bytes(fenced("more-than-a-mib") + "x".repeat(1024 * 1024) + "\n"), "TOO_LARGE"
        });
        cases.put("nul-bytes", new Object[] {new byte[64], "YAML_SYNTAX"});
        cases.put(
                "yaml-syntax-error", new Object[] {utf8Bytes("---\ntitle: \"t\"\nwebUrl: a: b\n---\n"), "YAML_SYNTAX"});
        cases.put("truncated-json", new Object[] {utf8Bytes("{\"title\": \"t\", \"webUrl\": "), "YAML_SYNTAX"});
        cases.put("self-containing-alias", new Object[] {utf8Bytes(fenced("alias", "loop: &a [*a]")), "YAML_SYNTAX"});
        cases.put("truncated-utf8", new Object[] {
            concat(utf8Bytes(fenced("truncated")), new byte[] {(byte) 0xE2, (byte) 0x80}), "NOT_UTF8"
        });
        cases.put("missing-url", new Object[] {
            utf8Bytes("---\ntitle: \"No URL\"\npublishedDateTime: 2024-05-01T00:00:00Z\n---\n"), "MISSING_URL"
        });
        cases.put("missing-title", new Object[] {
            utf8Bytes(
                    "---\nwebUrl: \"https://hostile.example/no-title\"\npublishedDateTime: 2024-05-01T00:00:00Z\n---\n"),
            "MISSING_TITLE"
        });
        cases.put("unparseable-date", new Object[] {
            utf8Bytes(
                    "---\ntitle: \"Bad date\"\nwebUrl: \"https://hostile.example/bad-date\"\npublishedDateTime: \"last Tuesday\"\n---\n"),
            "BAD_DATE"
        });
        final List<Sent> hostile = new ArrayList<>();
        for (Map.Entry<String, Object[]> entry : cases.entrySet()) {
            final Object document = entry.getValue()[0];
            final Path file = document instanceof Path path ? path : write(entry.getKey(), (byte[]) document);
            hostile.add(sent("hostile/" + entry.getKey(), file, (String) entry.getValue()[1]));
        }
        return hostile;
    }

    /** A valid article's fields, without fences, on a URL of its own. */
    private static String bare(String id) {
        return "title: \"Hostile " + id + "\"\nwebUrl: \"https://hostile.example/" + id
                + "\"\npublishedDateTime: 2024-05-01T00:00:00Z\n";
    }

    /** A valid article in front matter with more lines, on a URL of its own. */
    private static String fenced(String id, String... lines) {
        return "---\n" + bare(id) + String.join("\n", lines) + (lines.length == 0 ? "" : "\n") + "---\n";
    }

    private static String relatedList(int entries) {
        final StringBuilder yaml =
                new StringBuilder("---\n").append(bare("related")).append("related:\n");
        for (int i = 0; i < entries; i++) {
            yaml.append("  - title: \"Related ")
                    .append(i)
                    .append("\"\n    webUrl: \"https://other.example.org/story/")
                    .append(i)
                    .append("\"\n");
        }
        return yaml.append("---\n").toString();
    }

    /** A document of the seeds' format when good: its story's url is its {@code webUrl}. */
    private static Sent sent(String key, Path file, String code) throws IOException {
        return sent(key, file, code, code == null ? RawDocument.webUrl(key, Files.readAllBytes(file)) : null);
    }

    private static Sent sent(String key, Path file, String code, String url) throws IOException {
        final Instant ingestedAt = Instant.now();
        return new Sent(key, file.toAbsolutePath(), Files.readAllBytes(file), code, ingestedAt.toString(), url);
    }

    private static Path write(String name, byte[] document) throws IOException {
        return Files.write(DOCUMENTS.resolve(name), document);
    }

    // ---------------------------------------------------------------- kcat

    /**
     * One document as a crawler sends it: the file is the value, byte for byte. The Java client's
     * partitioner, as README advises for kcat; room for the document over a MiB.
     */
    private static void kcat(String bootstrap, String topic, Sent document) throws IOException, InterruptedException {
        final List<String> command = List.of(
                "kcat",
                "-b",
                bootstrap,
                "-P",
                "-t",
                topic,
                "-X",
                "partitioner=murmur2_random",
                "-X",
                "message.max.bytes=2000000",
                "-k",
                document.key(),
                "-H",
                "source=" + source(document),
                "-H",
                "content-sha256=" + sha256Hex(document.value()),
                "-H",
                "ingested-at=" + document.ingestedAt(),
                document.file().toString());
        final Path log = LOGS.resolve("kcat.log");
        final int exit = ChildProcess.run("kcat " + document.key(), command, log, KCAT_TIMEOUT);
        assertThat(exit).as("kcat sending %s; see %s", document.key(), log).isZero();
    }

    private static String source(Sent document) {
        return "https://crawler.example/" + document.key();
    }

    private static boolean onPath(String program) {
        final String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator))
                        .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, program)));
    }

    // ---------------------------------------------------------------- checks

    private static void recordReadiness() {
        try {
            final int status =
                    ServiceHttp.get(enrichPort, "/actuator/health/readiness").statusCode();
            if (status != 200) {
                NOT_READY.add(Instant.now() + ": " + status);
            }
        } catch (IOException e) {
            NOT_READY.add(Instant.now() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> goodUrls() {
        final Set<String> urls = new TreeSet<>();
        for (Sent document : SENT.stream().filter(d -> !d.hostile()).toList()) {
            urls.add(document.url());
        }
        return urls;
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        final byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static String context() {
        return SENT.size() + " documents sent with kcat; enrich-service log "
                + (enrichService == null ? "-" : enrichService.log()) + ", documents, kcat log and broker log under "
                + WORK;
    }
}
