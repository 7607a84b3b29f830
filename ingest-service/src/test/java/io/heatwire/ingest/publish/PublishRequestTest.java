package io.heatwire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

import io.heatwire.ingest.IngestApplication;

class PublishRequestTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldRecogniseThePublishCommandAmongSpringOptions() {
        assertThat(PublishRequest.isPublish("--spring.kafka.bootstrap-servers=x:9092", "publish", "a"))
                .isTrue();
        assertThat(PublishRequest.isPublish("--server.port=0")).isFalse();
        assertThat(PublishRequest.isPublish("serve")).isFalse();
    }

    @Test
    void shouldParsePathsAndGlob() throws Exception {
        final Path file = Files.createFile(dir.resolve("a.txt"));

        final PublishRequest request = PublishRequest.from("publish", "--glob=*.txt", dir.toString(), file.toString());

        assertThat(request.paths()).containsExactly(dir, file);
        assertThat(request.glob()).isEqualTo("*.txt");
        assertThat(request.matcher().matches(Path.of("b.txt"))).isTrue();
        assertThat(request.matcher().matches(Path.of("b.md"))).isFalse();
    }

    @Test
    void shouldMatchEveryFileByDefault() throws Exception {
        assertThat(PublishRequest.from("publish", dir.toString()).glob()).isEqualTo(PublishRequest.DEFAULT_GLOB);
    }

    @Test
    void shouldTakeTheGlobWithASpaceOrAnEqualsSignAmongSpringProperties() throws Exception {
        final Path file = Files.createFile(dir.resolve("a.txt"));

        final PublishRequest spaced = PublishRequest.from(
                "--spring.kafka.bootstrap-servers=x:9092",
                "publish",
                "--glob",
                "*.txt",
                dir.toString(),
                "--heatwire.topics.raw=raw",
                file.toString());
        final PublishRequest joined = PublishRequest.from(
                "publish",
                "--glob=*.txt",
                dir.toString(),
                file.toString(),
                "--spring.kafka.properties.sasl.jaas.config=a b=\"c\";");

        assertThat(joined).isEqualTo(spaced).isEqualTo(new PublishRequest(List.of(dir, file), "*.txt"));
    }

    @Test
    void shouldRefuseACommandWithoutPaths() {
        assertThatThrownBy(() -> PublishRequest.from("publish", "--glob=*.txt"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Missing required parameter: 'PATH'");
    }

    @Test
    void shouldRefuseAMissingPath() {
        final String missing = dir.resolve("missing").toString();

        assertThatThrownBy(() -> PublishRequest.from("publish", missing))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("no such file or directory: " + missing);
    }

    @Test
    void shouldRefuseAnInvalidGlob() {
        assertThatThrownBy(() -> PublishRequest.from("publish", "--glob=[a", dir.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("invalid --glob");
        assertThatThrownBy(() -> PublishRequest.from("publish", "--glob", "[a", dir.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("invalid --glob");
    }

    @Test
    void shouldRefuseOptionsThatAreNeitherItsOwnNorSpringProperties() {
        assertThatThrownBy(() -> PublishRequest.from("publish", "--glb=*.txt", dir.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Unknown option: '--glb=*.txt'")
                .hasMessageContaining("--PROPERTY=VALUE");
        assertThatThrownBy(() ->
                        PublishRequest.from("publish", "--spring.kafka.bootstrap-servers", "b:9092", dir.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Unknown option: '--spring.kafka.bootstrap-servers'");
        assertThatThrownBy(() -> PublishRequest.from("publish", "--glob=a", "--glob=b", dir.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("should be specified only once");
    }

    @Test
    void shouldExitWithTwoOnAUsageErrorWithoutStartingSpring() throws IOException {
        assertThat(IngestApplication.publish("publish")).isEqualTo(PublishSummary.EXIT_USAGE);
        assertThat(IngestApplication.publish("publish", dir.resolve("missing").toString()))
                .isEqualTo(PublishSummary.EXIT_USAGE);
    }

    @Test
    void shouldPrintTheUsageAfterAUsageError() {
        final AtomicInteger published = new AtomicInteger();

        assertThat(execute(request -> published.incrementAndGet(), "publish", "--glob"))
                .isEqualTo(PublishSummary.EXIT_USAGE);

        assertThat(err.toString())
                .contains(
                        "Missing required parameter for option '--glob' (GLOB)",
                        "usage: java -jar ingest-service.jar publish");
        assertThat(out.toString()).isEmpty();
        assertThat(published).hasValue(0);
    }

    @Test
    void shouldHandAValidRequestToThePublisherAndExitWithItsCode() {
        final List<PublishRequest> requests = new ArrayList<>();

        final int exit = execute(
                request -> {
                    requests.add(request);
                    return PublishSummary.EXIT_INCOMPLETE;
                },
                "--spring.kafka.bootstrap-servers=x:9092",
                "publish",
                "--glob",
                "*.md",
                dir.toString());

        assertThat(exit).isEqualTo(PublishSummary.EXIT_INCOMPLETE);
        assertThat(requests).containsExactly(new PublishRequest(List.of(dir), "*.md"));
    }

    @Test
    void shouldListItsOptionsWithHelpWithoutPublishing() {
        final AtomicInteger published = new AtomicInteger();

        assertThat(execute(request -> published.incrementAndGet(), "publish", "--help"))
                .isZero();

        assertThat(out.toString())
                .startsWith("usage: java -jar ingest-service.jar publish")
                .contains(
                        "--glob=GLOB",
                        "PATH...",
                        "Default: *",
                        "--version",
                        "--spring.kafka.bootstrap-servers=HOST:PORT",
                        "0   all published",
                        "1   something rejected or failed",
                        "2   usage error");
        assertThat(err.toString()).isEmpty();
        assertThat(published).hasValue(0);
    }

    @Test
    void shouldPrintTheProjectVersion() {
        assertThat(execute(request -> 1, "publish", "--version")).isZero();
        assertThat(out.toString())
                .matches("ingest-service \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Apache Kafka \\d+\\.\\d+\\.\\d+\\R");
    }

    private int execute(ToIntFunction<PublishRequest> publish, String... args) {
        return PublishRequest.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), publish);
    }
}
