package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void shouldSpaceRecordsEvenlyFromTheStart() {
        final Pacer pacer = new Pacer(1_000L, 4);

        assertThat(pacer.dueNanos(0)).isEqualTo(1_000L);
        assertThat(pacer.dueNanos(1)).isEqualTo(1_000L + 250_000_000L);
        assertThat(pacer.dueNanos(4)).isEqualTo(1_000L + 1_000_000_000L);
    }

    @Test
    void shouldNotPaceWithoutARate() {
        final Pacer pacer = new Pacer(5L, 0);

        assertThat(pacer.dueNanos(1_000_000)).isEqualTo(5L);
    }

    @Test
    void shouldNotWaitForARecordAlreadyDue() {
        final long start = System.nanoTime();
        final Pacer pacer = new Pacer(start - 1_000_000_000L, 10);

        pacer.awaitTurn(5);

        assertThat(System.nanoTime() - start).isLessThan(500_000_000L);
    }
}
