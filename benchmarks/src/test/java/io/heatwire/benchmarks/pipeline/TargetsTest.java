package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void shouldJudgeThroughputAgainstSixtyPercentOfTheParseRate() {
        final List<Targets.Verdict> verdicts = Targets.of(RunResults.tenThousand());

        assertThat(verdicts.get(0))
                .isEqualTo(new Targets.Verdict("end to end ≥ 60% of the 1-thread parse rate", "2.00%", Targets.MISSES));
    }

    @Test
    void shouldJudgeP99OnlyAtHalfTheMeasuredMaximum() {
        assertThat(Targets.of(RunResults.tenThousand()).get(1).verdict()).isEqualTo(Targets.MEETS);

        final RunResult elsewhere = RunResults.withLatency(
                RunResults.tenThousand(),
                new RunResult.Latency(20, 20, 10_000, 0, 100, 200, 300, 0.1, 0.2, 1, List.of(), 2_000, 20.0));
        assertThat(Targets.of(elsewhere).get(1).verdict()).isEqualTo("n/a (not paced at half the maximum)");
    }

    @Test
    void shouldJudgeP99OnlyAfterAWarmUp() {
        assertThat(Targets.of(RunResults.tenThousand()).get(1))
                .isEqualTo(new Targets.Verdict(
                        "p99 < 1 s at half load after a warm-up",
                        "p99 900 ms after 2,000 warm-up articles",
                        Targets.MEETS));

        final RunResult cold = RunResults.withLatency(
                RunResults.tenThousand(),
                new RunResult.Latency(50, 50, 10_000, 0, 100, 200, 300, 0.1, 0.2, 1, List.of(), 0, 0));
        assertThat(Targets.of(cold).get(1))
                .isEqualTo(new Targets.Verdict(
                        "p99 < 1 s at half load after a warm-up", "p99 200 ms, cold", "n/a (no warm-up: --warm-up 0)"));
    }

    @Test
    void shouldJudgeHeapOnlyFromAMillionStories() {
        assertThat(Targets.of(RunResults.tenThousand()).get(2).verdict()).isEqualTo("n/a (fewer than 1M stories)");
        assertThat(Targets.of(RunResults.sized(200_000, 2.0, true)).get(2))
                .isEqualTo(new Targets.Verdict(
                        "heap ≤ 512 MB at 1M stories", "200 MB after GC, 1,000,000 stories", Targets.MEETS));
    }

    @Test
    void shouldCallCostFlatWhenTheLargestSizeCostsAtMostAQuarterMore() {
        assertThat(Targets.flatCost(
                                List.of(RunResults.sized(10_000, 2.0, true), RunResults.sized(1_000_000, 2.4, true)))
                        .verdict())
                .isEqualTo(Targets.MEETS);
        assertThat(Targets.flatCost(List.of(RunResults.sized(10_000, 2.0, true)))
                        .verdict())
                .startsWith("n/a");
    }
}
