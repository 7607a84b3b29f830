package io.heatwire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.heatwire.ingest.IngestApplication;

class PublishRequestTest {

    @TempDir
    Path dir;

    @Test
    void shouldRecogniseThePublishCommandAmongSpringOptions() {
        assertThat(PublishRequest.isPublish("--spring.kafka.bootstrap-servers=x:9092", "publish", "a")).isTrue();
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
    void shouldRefuseACommandWithoutPaths() {
        assertThatThrownBy(() -> PublishRequest.from("publish", "--glob=*.txt"))
                .isInstanceOf(UsageException.class).hasMessageContaining("no PATH");
    }

    @Test
    void shouldRefuseAMissingPath() {
        final String missing = dir.resolve("missing").toString();

        assertThatThrownBy(() -> PublishRequest.from("publish", missing))
                .isInstanceOf(UsageException.class).hasMessageContaining("no such file or directory: " + missing);
    }

    @Test
    void shouldRefuseAnInvalidGlob() {
        assertThatThrownBy(() -> PublishRequest.from("publish", "--glob=[a", dir.toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("invalid --glob");
    }

    @Test
    void shouldExitWithTwoOnAUsageErrorWithoutStartingSpring() throws IOException {
        assertThat(IngestApplication.publish("publish")).isEqualTo(PublishSummary.EXIT_USAGE);
        assertThat(IngestApplication.publish("publish", dir.resolve("missing").toString()))
                .isEqualTo(PublishSummary.EXIT_USAGE);
    }
}
