package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class GcLogTest {

    private static final String LOG = """
            [0.012s][info][gc] Using G1
            [1.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 3.500ms
            [9.301s][info][gc] GC(1) Pause Young (Concurrent Start) (Metadata GC Threshold) 120M->45M(256M) 10.250ms
            [9.310s][info][gc] GC(2) Concurrent Mark Cycle
            [9.402s][info][gc] GC(2) Pause Remark 60M->58M(256M) 1.250ms
            [9.420s][info][gc] GC(2) Pause Cleanup 58M->58M(256M) 0.100ms
            [9.450s][info][gc] GC(2) Concurrent Mark Cycle 140.123ms
            [20.000s][info][gc] GC(3) Pause Full (System.gc()) 1G->300M(1G) 200.000ms
            """;

    @Test
    void shouldSumPausesAndKeepTheLargestHeapAfterACollection() {
        final GcLog.Summary summary = GcLog.summarize(LOG, 0);

        assertThat(summary.pauses()).isEqualTo(5);
        assertThat(summary.pauseSeconds()).isCloseTo(0.2151, offset(1e-9));
        assertThat(summary.peakBeforeGcBytes()).isEqualTo(1L << 30);
        assertThat(summary.peakAfterGcBytes()).isEqualTo(300L << 20);
        assertThat(summary.peakCommittedBytes()).isEqualTo(1L << 30);
    }

    @Test
    void shouldReadOnlyTheLinesAfterAStartingPoint() {
        final GcLog.Summary summary = GcLog.summarize(LOG, 3);

        assertThat(summary.pauses()).isEqualTo(3);
        assertThat(summary.peakAfterGcBytes()).isEqualTo(300L << 20);
        assertThat(GcLog.lineCount(LOG)).isEqualTo(8);
        assertThat(GcLog.lineCount("")).isZero();
    }
}
