package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class JsonReportTest {

    @TempDir
    Path temp;

    @Test
    void shouldWriteEveryFigureWithItsRatios() throws IOException {
        final JsonReport.Environment environment = new JsonReport.Environment(
                "2026-01-01T00:00:00Z", "abc1234", "./benchmark.sh --articles 10000", 2, "OpenJDK 17", "Linux amd64");
        final Path file = temp.resolve("out/bench.json");

        JsonReport.write(
                file,
                JsonReport.of(
                        environment,
                        BenchmarkOptions.parse(),
                        List.of(RunResults.tenThousand(), RunResults.sized(20_000, 2.0, false))));

        final JsonNode root = JsonReport.MAPPER.readTree(file.toFile());
        assertThat(root.path("passed").asBoolean(true)).isFalse();
        assertThat(root.path("environment").path("commit").asString()).isEqualTo("abc1234");
        assertThat(root.path("options").path("latencyMeasuredAs").asString()).isEqualTo(Report.LATENCY_SOURCE);
        final JsonNode run = root.path("runs").get(0);
        assertThat(run.path("articles").asInt()).isEqualTo(10_000);
        assertThat(run.path("passed").asBoolean()).isTrue();
        assertThat(run.path("endToEnd").path("articlesPerSecond").asDouble()).isEqualTo(100.0);
        assertThat(run.path("endToEnd").path("overParseRate").asDouble()).isEqualTo(0.02);
        assertThat(run.path("endToEnd").path("overBrokerRate").asDouble()).isEqualTo(0.005);
        assertThat(run.path("parse").path("documentsPerSecond").asDouble()).isEqualTo(5_000.0);
        assertThat(run.path("broker").path("documentsPerSecond").asDouble()).isEqualTo(20_000.0);
        assertThat(run.path("latency").path("p99Millis").asLong()).isEqualTo(900);
        assertThat(run.path("latency").path("warmUpArticles").asLong()).isEqualTo(2_000);
        assertThat(run.path("latency").path("warmUpSeconds").asDouble()).isEqualTo(20.0);
        assertThat(root.path("options").path("warmUpArticles").asInt()).isEqualTo(BenchmarkOptions.DEFAULT_WARM_UP);
        assertThat(run.path("enrichService").path("peakRssBytes").asLong()).isEqualTo(800_000_000L);
        assertThat(run.path("enrichService").path("cpuMillisPerArticle").asDouble())
                .isEqualTo(2.0);
        assertThat(run.path("enrichService")
                        .path("cpuSecondsByThread")
                        .path("heatwire-enrich")
                        .asDouble())
                .isEqualTo(10.0);
        assertThat(run.path("disk").path("stateBytes").asLong()).isEqualTo(120_000_000L);
        assertThat(run.path("disk").path("brokerLogBytes").asLong()).isEqualTo(60_000_000L + 501_000_000L);
        assertThat(run.path("recordsWrittenPerArticle").asDouble()).isEqualTo(40.0);
        assertThat(run.path("topics")).hasSize(4);
        assertThat(run.path("targets").get(0).path("verdict").asString()).isEqualTo(Targets.MISSES);
        assertThat(root.path("runs")
                        .get(1)
                        .path("structure")
                        .path("differences")
                        .get(0)
                        .asString())
                .isEqualTo("clusters: expected 300, found 301");
        assertThat(root.path("flatCost").path("verdict").asString()).isEqualTo(Targets.MEETS);
        assertThat(run.has("ceiling")).isFalse();
        assertThat(root.path("options").path("withCeiling").asBoolean(true)).isFalse();
    }

    @Test
    void shouldWriteTheCeilingRunAndEndToEndOverIt() {
        final RunResult withCeiling = RunResults.withCeiling(RunResults.tenThousand(), false);

        final JsonNode run = JsonReport.run(withCeiling);

        assertThat(run.path("passed").asBoolean(true)).isFalse();
        assertThat(run.path("endToEnd").path("overCeilingRate").asDouble()).isEqualTo(0.5);
        final JsonNode ceiling = run.path("ceiling");
        assertThat(ceiling.path("articlesPerSecond").asDouble()).isEqualTo(200.0);
        assertThat(ceiling.path("seconds").asDouble()).isEqualTo(50.0);
        assertThat(ceiling.path("overParseRate").asDouble()).isEqualTo(0.04);
        assertThat(ceiling.path("endToEndOverCeiling").asDouble()).isEqualTo(0.5);
        assertThat(ceiling.path("cpuMillisPerArticle").asDouble()).isEqualTo(1.0);
        assertThat(ceiling.path("structure").path("differences").get(0).asString())
                .startsWith("3 cluster records were written");
    }
}
