package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void shouldDefaultToTenThousandArticlesOnSixPartitionsWithOneInstance() {
        final BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.articles()).containsExactly(10_000);
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.partitions()).isEqualTo(6);
        assertThat(options.instances()).isEqualTo(1);
        assertThat(options.pacedRate()).isNull();
        assertThat(options.latency()).isTrue();
        assertThat(options.keep()).isFalse();
        assertThat(options.json()).isNull();
        assertThat(options.workDir()).isEqualTo(Path.of(".heatwire", "benchmark"));
        assertThat(options.enrichJvmOptions()).containsExactly("-Xmx1g");
        assertThat(options.stallTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.enrichJar()).isEqualTo(Path.of("enrich-service", "target", "enrich-service.jar"));
    }

    @Test
    void shouldReadBothOptionSpellingsAlike() {
        final String[][] spellings = {
            {"--seed", "7", "--partitions", "3", "--crash", "2", "--crash-signal", "TERM", "--work-dir", "w"},
            {"--seed=7", "--partitions=3", "--crash=2", "--crash-signal=TERM", "--work-dir=w"}
        };
        for (final String[] args : spellings) {
            final BenchmarkOptions options = BenchmarkOptions.parse(args);
            assertThat(options.seed()).as(String.join(" ", args)).isEqualTo(7);
            assertThat(options.partitions()).isEqualTo(3);
            assertThat(options.failOver()).isEqualTo(new FailOverPlan(2, FailOverPlan.Signal.TERM, true));
            assertThat(options.workDir()).isEqualTo(Path.of("w"));
        }
    }

    @Test
    void shouldListEveryOptionInTheUsage() {
        assertThat(BenchmarkOptions.USAGE)
                .startsWith("usage: ./benchmark.sh")
                .contains(
                        "--articles=N[,N...]",
                        "--seed=S",
                        "--partitions=P",
                        "--instances=N",
                        "--paced-rate=R",
                        "--no-latency",
                        "--warm-up=N",
                        "--ceiling",
                        "--with-ceiling",
                        "--json=FILE",
                        "--work-dir=DIR",
                        "--keep",
                        "--enrich-jvm-options",
                        "--stall-seconds=S",
                        "--crash=N",
                        "--crash-signal=SIG",
                        "--no-restart",
                        "--standby=N",
                        "--help",
                        "--version",
                        "(default 10000;",
                        "(default .heatwire/benchmark)");
    }

    @Test
    void shouldReadSizesWithSuffixesAndUnderscoresInTheOrderGiven() {
        assertThat(BenchmarkOptions.parse("--articles", "10000,100k,1M").articles())
                .containsExactly(10_000, 100_000, 1_000_000);
        assertThat(BenchmarkOptions.parse("--articles=2_000").articles()).containsExactly(2_000);
    }

    @Test
    void shouldReadEveryOption() {
        final BenchmarkOptions options = BenchmarkOptions.parse(
                "--seed",
                "7",
                "--partitions=3",
                "--instances",
                "2",
                "--paced-rate",
                "12.5",
                "--json",
                "out.json",
                "--work-dir",
                "w",
                "--keep",
                "--enrich-jvm-options",
                "-Xmx512m -XX:+UseSerialGC",
                "--stall-seconds",
                "60");

        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.partitions()).isEqualTo(3);
        assertThat(options.instances()).isEqualTo(2);
        assertThat(options.pacedRate()).isEqualTo(12.5);
        assertThat(options.json()).isEqualTo(Path.of("out.json"));
        assertThat(options.workDir()).isEqualTo(Path.of("w"));
        assertThat(options.keep()).isTrue();
        assertThat(options.enrichJvmOptions()).isEqualTo(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        assertThat(options.stallTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldAcceptEmptyJvmOptions() {
        assertThat(BenchmarkOptions.parse("--enrich-jvm-options", "").enrichJvmOptions())
                .isEmpty();
    }

    @Test
    void shouldRunWithoutClusteringForTheCeiling() {
        assertThat(BenchmarkOptions.parse().ceiling()).isFalse();
        assertThat(BenchmarkOptions.parse("--ceiling").ceiling()).isTrue();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--ceiling=yes"))
                .hasMessage("option '--ceiling' should be specified without 'yes' parameter");
    }

    @Test
    void shouldAddACeilingRunToANormalOneOnRequest() {
        assertThat(BenchmarkOptions.parse().withCeiling()).isFalse();
        final BenchmarkOptions options = BenchmarkOptions.parse("--with-ceiling");
        assertThat(options.withCeiling()).isTrue();
        assertThat(options.ceiling()).isFalse();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--ceiling", "--with-ceiling"))
                .hasMessage("--with-ceiling adds a ceiling run to a normal one; --ceiling alone runs only the ceiling");
    }

    @Test
    void shouldSkipTheLatencyRunOnRequest() {
        assertThat(BenchmarkOptions.parse("--no-latency").latency()).isFalse();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--no-latency", "--paced-rate", "5"))
                .hasMessageContaining("exclude each other");
    }

    @Test
    void shouldWarmUpTheLatencyRunWithTwoThousandArticlesUnlessToldOtherwise() {
        assertThat(BenchmarkOptions.parse().warmUp()).isEqualTo(2_000);
        assertThat(BenchmarkOptions.parse("--warm-up", "0").warmUp()).isZero();
        assertThat(BenchmarkOptions.parse("--warm-up=5k").warmUp()).isEqualTo(5_000);
        assertThat(BenchmarkOptions.parse("--no-latency").warmUp()).isZero();
        assertThat(BenchmarkOptions.parse("--crash", "2").warmUp()).isZero();
        assertThatThrownBy(() -> BenchmarkOptions.parse("--no-latency", "--warm-up", "100"))
                .hasMessage("--warm-up belongs to the latency run: not with --no-latency or --crash");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--crash", "1", "--warm-up", "100"))
                .hasMessageContaining("--warm-up belongs to the latency run");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--warm-up", "-1"))
                .hasMessage("--warm-up must be between 0 and 2000000: -1");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--warm-up", "3M"))
                .hasMessage("--warm-up must be at most 2000000: 3M");
    }

    @Test
    void shouldRejectWhatItCannotRun() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--articles", "0")).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--articles", "3M")).hasMessageContaining("at most 2000000");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--articles", "ten")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--partitions"))
                .hasMessageContaining("Missing required parameter for option '--partitions'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--paced-rate", "-1")).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--keep=yes")).hasMessageContaining("without 'yes'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessageContaining("Unknown option: '--fast'");
    }
}
