package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FailOverTest {

    private static final TopicPartition RAW_0 = new TopicPartition("raw", 0);
    private static final TopicPartition RAW_1 = new TopicPartition("raw", 1);
    private static final TopicPartition EVENTS_0 = new TopicPartition("events", 0);

    @Test
    void shouldReadTheCrashOptions() {
        final BenchmarkOptions kill = BenchmarkOptions.parse("--crash", "3");
        assertThat(kill.failOver()).isEqualTo(new FailOverPlan(3, FailOverPlan.Signal.KILL, true));
        assertThat(BenchmarkOptions.parse().failOver()).isNull();

        final BenchmarkOptions lost =
                BenchmarkOptions.parse("--instances", "2", "--crash", "1", "--crash-signal", "sigterm", "--no-restart");
        assertThat(lost.failOver()).isEqualTo(new FailOverPlan(1, FailOverPlan.Signal.TERM, false));
    }

    @Test
    void shouldRunSeveralInstancesWithAStandbyReplicaUnlessToldOtherwise() {
        assertThat(BenchmarkOptions.parse().standbyReplicas()).isZero();
        assertThat(BenchmarkOptions.parse("--instances", "2").standbyReplicas()).isEqualTo(1);
        assertThat(BenchmarkOptions.parse("--instances", "2", "--standby", "0").standbyReplicas())
                .isZero();
    }

    @Test
    void shouldRefuseCrashOptionsThatCannotWork() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--no-restart")).hasMessageContaining("need --crash");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--crash", "1", "--no-restart"))
                .hasMessageContaining("more --instances");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--crash", "1", "--crash-signal", "HUP"))
                .hasMessageContaining("KILL or TERM");
    }

    @Test
    void shouldSpreadTheStopsEvenlyAndTakeTheInstancesInTurn() {
        final FailOverPlan plan = new FailOverPlan(3, FailOverPlan.Signal.KILL, true);

        assertThat(List.of(plan.stopAt(1, 10_000), plan.stopAt(2, 10_000), plan.stopAt(3, 10_000)))
                .containsExactly(2_500L, 5_000L, 7_500L);
        assertThat(List.of(plan.instanceOf(1, 2), plan.instanceOf(2, 2), plan.instanceOf(3, 2)))
                .containsExactly(0, 1, 0);
        assertThat(new FailOverPlan(2, FailOverPlan.Signal.KILL, false).instanceOf(2, 2))
                .isZero();
    }

    @Test
    void shouldWaitOnlyForRawPartitionsWithRecordsLeft() {
        final Map<TopicPartition, Long> committed = Map.of(RAW_0, 100L, RAW_1, 50L, EVENTS_0, 10L);
        final Map<TopicPartition, Long> ends = Map.of(RAW_0, 100L, RAW_1, 80L, EVENTS_0, 90L);

        assertThat(Stall.lagging("raw", committed, ends)).containsExactly(RAW_1);
    }

    @Test
    void shouldSayResumedOnceEveryLaggingPartitionCommittedFurther() {
        final Map<TopicPartition, Long> before = Map.of(RAW_0, 10L, RAW_1, 50L);
        final Set<TopicPartition> lagging = Set.of(RAW_0, RAW_1);

        assertThat(Stall.resumed(lagging, before, Map.of(RAW_0, 12L, RAW_1, 50L)))
                .isFalse();
        assertThat(Stall.resumed(lagging, before, Map.of(RAW_0, 12L, RAW_1, 51L)))
                .isTrue();
        assertThat(Stall.resumed(Set.of(), before, before)).isTrue();
    }

    @Test
    void shouldSumTheCommittedOffsetsOfEveryInput() {
        assertThat(Stall.sum(Map.of(RAW_0, 10L, EVENTS_0, 5L))).isEqualTo(15);
    }

    @Test
    void shouldReportEachStopAndTheExtraWallTime() {
        final RunResult.FailOver failOver = new RunResult.FailOver(
                new FailOverPlan(2, FailOverPlan.Signal.KILL, true),
                List.of(
                        new RunResult.Stop("enrich-1", 2_500, 0.05, 40.1, 44.8, 12.5),
                        new RunResult.Stop("enrich-1-start-2", 5_000, 0.04, 3.0, 6.2, Double.NaN)),
                190.0,
                100.0,
                RunResults.tenThousand().structure(),
                3);

        final List<String> lines = Report.failOver(failOver);

        assertThat(lines)
                .anySatisfy(line -> assertThat(line).contains("2 stops with SIGKILL, each instance started again"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).matches(" *1 +enrich-1 +2,500 +0.050 s +40.1 s +44.8 s +12.5 s"));
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line).matches(" *2 +enrich-1-start-2 +5,000 +0.040 s +3.00 s +6.20 s +-"));
        assertThat(lines)
                .contains(
                        "extra wall time: 90.0 s (3m 10s with the stops, 100 s without)",
                        "OUT_OF_ORDER_SEQUENCE_NUMBER in the enrich-service logs: 3 lines");
    }
}
