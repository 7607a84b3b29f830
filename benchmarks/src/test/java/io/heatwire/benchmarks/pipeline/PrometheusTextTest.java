package io.heatwire.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{application="enrich-service",area="heap",id="G1 Eden Space"} 8388608.0
            jvm_memory_used_bytes{application="enrich-service",area="heap",id="G1 Old Gen"} 2.186496E7
            jvm_memory_used_bytes{application="enrich-service",area="nonheap",id="Metaspace"} 6.3930224E7
            jvm_memory_used_bytes{application="enrich-service",area="heap",id="G1 Survivor Space"} 1.6777216E7
            process_uptime_seconds 12.5
            heatwire_enrich_end_to_end_latency_seconds_bucket{application="enrich-service",le="0.1"} 3
            heatwire_enrich_end_to_end_latency_seconds_bucket{application="enrich-service",le="1.0"} 9
            heatwire_enrich_end_to_end_latency_seconds_bucket{application="enrich-service",le="+Inf"} 10
            heatwire_enrich_end_to_end_latency_seconds_count{application="enrich-service"} 10
            odd_metric{path="a \\"quoted\\", comma"} 7
            """;

    @Test
    void shouldSumTheSamplesWhoseLabelsMatch() {
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", Map.of("area", "heap")))
                .isEqualTo(8388608.0 + 2.186496E7 + 1.6777216E7);
        assertThat(PrometheusText.sum(SCRAPE, "process_uptime_seconds", Map.of()))
                .isEqualTo(12.5);
    }

    @Test
    void shouldReportAMissingMetricAsNaN() {
        assertThat(PrometheusText.sum(SCRAPE, "jvm_gc_live_data_size_bytes", Map.of()))
                .isNaN();
        assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", Map.of("area", "direct")))
                .isNaN();
    }

    @Test
    void shouldReadHistogramBucketsWithInfinityLast() {
        final SortedMap<Double, Long> buckets =
                PrometheusText.buckets(SCRAPE, "heatwire_enrich_end_to_end_latency_seconds");

        assertThat(buckets).containsExactly(entry(0.1, 3L), entry(1.0, 9L), entry(Double.POSITIVE_INFINITY, 10L));
    }

    @Test
    void shouldSubtractAnEarlierHistogramBucketByBucket() {
        final SortedMap<Double, Long> before = new TreeMap<>(Map.of(0.1, 1L, Double.POSITIVE_INFINITY, 4L));
        final SortedMap<Double, Long> after = new TreeMap<>(Map.of(0.1, 3L, 1.0, 9L, Double.POSITIVE_INFINITY, 10L));

        assertThat(PrometheusText.difference(after, before))
                .containsExactly(entry(0.1, 2L), entry(1.0, 9L), entry(Double.POSITIVE_INFINITY, 6L));
    }

    @Test
    void shouldParseQuotedLabelValuesWithEscapesAndCommas() {
        final PrometheusText.Sample sample = PrometheusText.parse("odd_metric{path=\"a \\\"quoted\\\", comma\"} 7");

        assertThat(sample.name()).isEqualTo("odd_metric");
        assertThat(sample.labels()).containsExactly(entry("path", "a \"quoted\", comma"));
        assertThat(sample.value()).isEqualTo(7.0);
    }

    @Test
    void shouldSkipCommentsBlankAndMalformedLines() {
        assertThat(PrometheusText.parse("# TYPE x gauge")).isNull();
        assertThat(PrometheusText.parse("   ")).isNull();
        assertThat(PrometheusText.parse("x{a=\"unterminated} 1")).isNull();
        assertThat(PrometheusText.parse("x notanumber")).isNull();
    }
}
