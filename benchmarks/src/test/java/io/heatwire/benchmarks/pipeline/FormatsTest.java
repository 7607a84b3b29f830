package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void shouldKeepAboutThreeSignificantDigits() {
        assertThat(Formats.number(7012.4)).isEqualTo("7,012");
        assertThat(Formats.number(71.24)).isEqualTo("71.2");
        assertThat(Formats.number(7.124)).isEqualTo("7.12");
        assertThat(Formats.number(0.0712)).isEqualTo("0.071");
        assertThat(Formats.number(0.00712)).isEqualTo("0.0071");
        assertThat(Formats.number(0)).isEqualTo("0");
        assertThat(Formats.number(Double.NaN)).isEqualTo("n/a");
        assertThat(Formats.number(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    }

    @Test
    void shouldWriteCountsSizesAndDurations() {
        assertThat(Formats.count(1_000_000)).isEqualTo("1,000,000");
        assertThat(Formats.megabytes(65_300_000)).isEqualTo("65.3 MB");
        assertThat(Formats.times(0.0123)).isEqualTo("0.012×");
        assertThat(Formats.millis(2341)).isEqualTo("2,341 ms");
        assertThat(Formats.duration(12.34)).isEqualTo("12.3 s");
        assertThat(Formats.duration(247)).isEqualTo("4m 07s");
    }
}
