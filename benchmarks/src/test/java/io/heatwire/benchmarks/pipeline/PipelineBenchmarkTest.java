package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineBenchmarkTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return PipelineBenchmark.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintTheUsageOnHelp() {
        assertThat(run("--help")).isEqualTo(PipelineBenchmark.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ./benchmark.sh");
    }

    @Test
    void shouldPrintItsVersion() {
        assertThat(run("--version")).isEqualTo(PipelineBenchmark.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .matches("benchmarks \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Apache Kafka \\d+\\.\\d+\\.\\d+\\R");
    }

    @Test
    void shouldExitWithTwoOnABadArgument() {
        assertThat(run("--articles", "lots")).isEqualTo(PipelineBenchmark.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--articles needs a whole number")
                .contains("usage:");
    }

    @Test
    void shouldExitWithTwoWhenAJarIsMissingAndStartNothing() {
        assertThat(run(
                        "--enrich-jar",
                        temp.resolve("absent.jar").toString(),
                        "--work-dir",
                        temp.resolve("work").toString()))
                .isEqualTo(PipelineBenchmark.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("absent.jar is missing");
        assertThat(temp.resolve("work")).doesNotExist();
    }
}
