package io.heatwire.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.heatwire.corpus.CorpusOptions;
import io.heatwire.corpus.CorpusPlan;
import io.heatwire.corpus.DocumentRenderer;
import io.heatwire.corpus.ExpectedStructure;
import io.heatwire.corpus.GeneratedDocument;

class LoadGenCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldWriteDocumentsAndTheExpectedStructure() throws IOException {
        final Path documents = temp.resolve("docs");
        final Path expectedFile = temp.resolve("expected.json");

        final int exit =
                run("--count", "300", "--seed", "5", "--out", documents.toString(), "--expected=" + expectedFile);

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        final List<Path> files;
        try (Stream<Path> listing = Files.list(documents)) {
            files = listing.sorted().toList();
        }
        final CorpusPlan plan = CorpusPlan.create(300, 5);
        final DocumentRenderer renderer = new DocumentRenderer(plan);
        assertThat(files).hasSize(300);
        assertThat(Files.readAllBytes(files.get(42)))
                .isEqualTo(renderer.render(42).bytes());
        assertThat(files.get(42).getFileName()).hasToString(renderer.name(42));

        final ExpectedStructure expected = ExpectedStructure.of(plan, renderer);
        final JsonNode json = ExpectedJson.MAPPER.readTree(expectedFile.toFile());
        assertThat(json.get("count").asInt()).isEqualTo(300);
        assertThat(json.get("seed").asLong()).isEqualTo(5);
        assertThat(json.get("documents").asInt()).isEqualTo(300);
        assertThat(json.get("stories").asLong()).isEqualTo(expected.stories());
        assertThat(json.get("clusterCount").asInt()).isEqualTo(expected.clusterCount());
        assertThat(json.get("clusters").size()).isEqualTo(expected.clusterCount());
        final String largest = expected.largestClusters().get(0).clusterId();
        assertThat(json.get("clusters").get(largest).asInt())
                .isEqualTo(expected.largestClusters().get(0).size());
        assertThat(json.get("bridges").get(0).get("merges").size()).isEqualTo(3);
        long bytes = 0;
        for (final Path file : files) {
            bytes += Files.size(file);
        }
        assertThat(json.get("documentBytes").asLong()).isEqualTo(bytes);

        final String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary)
                .contains(
                        "documents  300 (seed 5)",
                        "stories    ",
                        "clusters   ",
                        "bridge     ",
                        "expected   " + expectedFile);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("written 300/300 documents (100%)");
    }

    @Test
    void shouldWriteTheSameCorpusUnderOtherIdsInAnIdNamespace() throws IOException {
        final Path plain = temp.resolve("plain");
        final Path namespaced = temp.resolve("namespaced");

        assertThat(run("--count", "200", "--seed", "5", "--out", plain.toString(), "--expected", temp + "/p.json"))
                .isZero();
        assertThat(run(
                        "--count",
                        "200",
                        "--seed",
                        "5",
                        "--id-namespace",
                        "warm-up",
                        "--out",
                        namespaced.toString(),
                        "--expected",
                        temp + "/n.json"))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();

        final List<String> plainNames = names(plain);
        final List<String> namespacedNames = names(namespaced);
        assertThat(namespacedNames).hasSize(200).doesNotContainAnyElementsOf(plainNames);
        final DocumentRenderer renderer = new DocumentRenderer(
                CorpusPlan.create(200, 5, CorpusOptions.defaults().withIdNamespace("warm-up")));
        assertThat(namespacedNames.get(7)).isEqualTo(renderer.name(7));
        assertThat(Files.readString(namespaced.resolve(namespacedNames.get(7)))).contains("/warm-up/");
        final JsonNode plainJson =
                ExpectedJson.MAPPER.readTree(temp.resolve("p.json").toFile());
        final JsonNode namespacedJson =
                ExpectedJson.MAPPER.readTree(temp.resolve("n.json").toFile());
        assertThat(plainJson.has("idNamespace")).isFalse();
        assertThat(namespacedJson.get("idNamespace").asString()).isEqualTo("warm-up");
        assertThat(namespacedJson.get("stories")).isEqualTo(plainJson.get("stories"));
        assertThat(namespacedJson.get("clusterSizeHistogram")).isEqualTo(plainJson.get("clusterSizeHistogram"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("(seed 5, id namespace warm-up)");
    }

    @Test
    void shouldRefuseAnIdNamespaceThatIsNotAPathSegment() {
        assertThat(run("--count", "10", "--out", temp.resolve("a").toString(), "--id-namespace", "Warm/Up"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--id-namespace: an id namespace is");
        assertThat(temp.resolve("a")).doesNotExist();
    }

    @Test
    void shouldRefuseADirectoryThatIsNotEmpty() throws IOException {
        Files.createDirectories(temp.resolve("docs"));
        Files.writeString(temp.resolve("docs/other.txt"), "---\ntitle: x\n---\n");

        assertThat(run("--count", "10", "--out", temp.resolve("docs").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not empty");
    }

    @Test
    void shouldRejectCommandLinesThatCannotBeRun() {
        assertThat(run("--count", "10")).isEqualTo(2);
        assertThat(run("--count", "10", "--out", "a", "--bootstrap-servers", "localhost:9092"))
                .isEqualTo(2);
        assertThat(run("--count", "0", "--out", "a")).isEqualTo(2);
        assertThat(run("--count", "ten", "--out", "a")).isEqualTo(2);
        assertThat(run(
                        "--out",
                        temp.toString(),
                        "--expected",
                        temp.resolve("expected.json").toString()))
                .isEqualTo(2);
        assertThat(run("--colour", "red")).isEqualTo(2);
        assertThat(run("--count=10", "--out=a", "--bootstrap-servers=localhost:9092"))
                .isEqualTo(2);
        assertThat(run("--producer-property", "linger.ms", "--bootstrap-servers", "localhost:9092"))
                .isEqualTo(2);
        assertThat(run("--count")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "exactly one of --out DIR and --bootstrap-servers",
                        "--expected must not be inside --out",
                        "Unknown options: '--colour', 'red'",
                        "usage:",
                        "--count must be between 1 and 2000000: 0",
                        "Invalid value for option '--count': 'ten' is not a whole number",
                        "should be in KEY=VALUE format but was linger.ms",
                        "Missing required parameter for option '--count' (N)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldTakeEveryOptionWithASpaceOrAnEqualsSign() {
        final LoadGenCommand.Options spaced = LoadGenCommand.parse(
                "--count",
                "2_000",
                "--seed",
                "-7",
                "--bootstrap-servers",
                "broker:9092",
                "--topic",
                "raw",
                "--producer-property",
                "linger.ms=5",
                "--producer-property",
                "compression.type=lz4",
                "--expected",
                "e.json");
        final LoadGenCommand.Options joined = LoadGenCommand.parse(
                "--count=2_000",
                "--seed=-7",
                "--bootstrap-servers=broker:9092",
                "--topic=raw",
                "--producer-property=linger.ms=5",
                "--producer-property=compression.type=lz4",
                "--expected=e.json");

        assertThat(joined).isEqualTo(spaced);
        assertThat(spaced.count()).isEqualTo(2000);
        assertThat(spaced.seed()).isEqualTo(-7);
        assertThat(spaced.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(spaced.topic()).isEqualTo("raw");
        assertThat(spaced.producerProperties())
                .containsExactly(Map.entry("linger.ms", "5"), Map.entry("compression.type", "lz4"));
        assertThat(spaced.expected()).isEqualTo(Path.of("e.json"));
        assertThat(spaced.out()).isNull();
        assertThat(LoadGenCommand.parse("--out=docs").out()).isEqualTo(Path.of("docs"));
    }

    @Test
    void shouldDefaultToAHundredThousandDocumentsWithSeedOneOnTheRawTopic() {
        final LoadGenCommand.Options options = LoadGenCommand.parse("--bootstrap-servers", "broker:9092");
        assertThat(options.count()).isEqualTo(100_000);
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.topic()).isEqualTo("heatwire.articles.raw");
        assertThat(options.producerProperties()).isEmpty();
        assertThat(options.expected()).isNull();
        assertThat(options.idNamespace()).isEmpty();
    }

    @Test
    void shouldListEveryOptionWithHelp() {
        for (final String help : List.of("--help", "-h")) {
            assertThat(run(help)).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("usage: java -jar loadgen/target/loadgen.jar")
                .contains(
                        "--count=N",
                        "--seed=S",
                        "--id-namespace=NS",
                        "--out=DIR",
                        "--bootstrap-servers=HOST:PORT",
                        "--topic=TOPIC",
                        "--producer-property=KEY=VALUE",
                        "--expected=FILE.json",
                        "Default: 100000",
                        "Default: heatwire.articles.raw",
                        "--version",
                        "2   usage error");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldPrintTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .matches("loadgen \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Apache Kafka \\d+\\.\\d+\\.\\d+\\R");
    }

    @Test
    void shouldPublishEachDocumentKeyedByItsNameWithAnIngestionTime() throws IOException {
        final MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        final CorpusPlan plan = CorpusPlan.create(50, 9);
        final DocumentRenderer renderer = new DocumentRenderer(plan);
        final LoadGenerator.Result result;
        try (KafkaSink sink = new KafkaSink(producer, KafkaSink.DEFAULT_TOPIC, "mock")) {
            result = LoadGenerator.run(
                    plan,
                    renderer,
                    sink,
                    new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), "sent", plan.count()));
            assertThat(sink.acknowledged()).isEqualTo(50);
        }

        assertThat(result.failed()).isZero();
        final List<ProducerRecord<String, byte[]>> records = producer.history();
        assertThat(records).hasSize(50);
        final ProducerRecord<String, byte[]> record = records.get(3);
        assertThat(record.topic()).isEqualTo("heatwire.articles.raw");
        assertThat(record.key()).isEqualTo(renderer.name(3));
        assertThat(record.value()).isEqualTo(renderer.render(3).bytes());
        assertThat(new String(record.headers().lastHeader("ingested-at").value(), StandardCharsets.UTF_8))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
    }

    @Test
    void shouldGenerateTenThousandDocumentsInOneRun() throws IOException {
        final CorpusPlan plan = CorpusPlan.create(10_000, 3);
        final CountingSink sink = new CountingSink();
        final LoadGenerator.Result result = LoadGenerator.run(
                plan,
                new DocumentRenderer(plan),
                sink,
                new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), "counted", plan.count()));

        assertThat(sink.documents).isEqualTo(10_000);
        assertThat(result.sizes().min()).isGreaterThanOrEqualTo(DocumentRenderer.MIN_BYTES);
        assertThat(result.sizes().max()).isLessThanOrEqualTo(DocumentRenderer.MAX_BYTES);
        assertThat(plan.bigClusters()).isEqualTo(2);
        assertThat(plan.mediumClusters()).isPositive();
    }

    private static List<String> names(final Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private int run(final String... args) {
        return LoadGenCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Counts what it is given; keeps nothing. */
    private static final class CountingSink implements DocumentSink {

        private long documents;

        @Override
        public void write(final GeneratedDocument document) {
            documents++;
        }

        @Override
        public long finish() {
            return 0;
        }

        @Override
        public String describe() {
            return "counted";
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}
