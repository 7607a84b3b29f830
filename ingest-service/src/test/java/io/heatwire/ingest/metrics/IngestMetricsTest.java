package io.heatwire.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.heatwire.ingest.check.RejectionCode;

class IngestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);

    @Test
    void shouldRegisterEverySeriesAtZeroBeforeTheFirstDocument() {
        assertThat(registry.find(IngestMetrics.DOCUMENTS).counters()).hasSize(9);
        assertThat(registry.find(IngestMetrics.BYTES).counters())
                .hasSize(9)
                .allSatisfy(counter -> assertThat(counter.getId().getBaseUnit()).isEqualTo("bytes"));
        assertThat(registry.find(IngestMetrics.REJECTIONS).counters()).hasSize(15);
    }

    @Test
    void shouldRegisterEveryRejectionCodeOfEveryChannelAtZero() {
        for (final Channel channel : Channel.values()) {
            for (final RejectionCode code : RejectionCode.values()) {
                assertThat(registry.get(IngestMetrics.REJECTIONS)
                                .tag("channel", channel.tag())
                                .tag("code", code.name())
                                .counter()
                                .count())
                        .as("%s %s", channel, code)
                        .isZero();
            }
            for (final IngestMetrics.Result result : IngestMetrics.Result.values()) {
                assertThat(documents(channel.tag(), result.name().toLowerCase(Locale.ROOT)))
                        .as("%s %s", channel, result)
                        .isZero();
            }
        }
    }

    @Test
    void shouldCountDocumentsBytesAndRejectionCodesByChannel() {
        metrics.published(Channel.HTTP, 100);
        metrics.published(Channel.HTTP, 50);
        metrics.rejected(Channel.SPOOL, RejectionCode.BINARY, 7);
        metrics.failed(Channel.CLI, 3);

        assertThat(documents("http", "published")).isEqualTo(2);
        assertThat(registry.get(IngestMetrics.BYTES)
                        .tag("channel", "http")
                        .tag("result", "published")
                        .counter()
                        .count())
                .isEqualTo(150);
        assertThat(documents("spool", "rejected")).isEqualTo(1);
        assertThat(registry.get(IngestMetrics.REJECTIONS)
                        .tag("channel", "spool")
                        .tag("code", "BINARY")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(documents("cli", "failed")).isEqualTo(1);
        assertThat(documents("cli", "published")).isZero();
    }

    private double documents(String channel, String result) {
        return registry.get(IngestMetrics.DOCUMENTS)
                .tag("channel", channel)
                .tag("result", result)
                .counter()
                .count();
    }
}
