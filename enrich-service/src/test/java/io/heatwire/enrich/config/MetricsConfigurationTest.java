package io.heatwire.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.heatwire.article.parse.ErrorCode;
import io.heatwire.enrich.deadletter.DeadLetterExceptionHandlers;
import io.heatwire.support.contract.DeadLetterHeaders;
import io.heatwire.support.contract.MetricNames;

class MetricsConfigurationTest {

    @Test
    void shouldRegisterADeadLetterCounterAtZeroForEveryErrorCodeAndEveryHandlerCode() {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();

        new MetricsConfiguration().deadLetterCodes().bindTo(registry);

        final List<String> expected = new ArrayList<>(
                Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
        expected.addAll(List.of("PROCESSING_ERROR", "OUTPUT_REJECTED", "UNREADABLE_RECORD"));
        assertThat(registry.find("heatwire.enrich.dead.letters").counters())
                .extracting(counter -> counter.getId().getTag("code"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(registry.find(MetricsConfiguration.DEAD_LETTERS).counters())
                .allSatisfy(counter -> assertThat(((Counter) counter).count()).isZero());
    }

    @Test
    void shouldCountAHandlersDeadLetterOnTheSeriesRegisteredAtZero() {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MetricsConfiguration().deadLetterCodes().bindTo(registry);
        final Counter processingErrors = registry.get("heatwire.enrich.dead.letters")
                .tag("code", "PROCESSING_ERROR")
                .counter();
        // Spring Boot adds its registries to the global one, through which the Streams-created handlers count.
        Metrics.addRegistry(registry);
        try {
            Metrics.counter(MetricNames.DEAD_LETTERS, MetricNames.CODE_TAG, DeadLetterHeaders.PROCESSING_ERROR)
                    .increment();
        } finally {
            Metrics.removeRegistry(registry);
        }

        assertThat(processingErrors.count()).isEqualTo(1);
        assertThat(registry.find("heatwire.enrich.dead.letters").counters()).hasSize(expectedCodes());
    }

    private static int expectedCodes() {
        return ErrorCode.values().length + DeadLetterExceptionHandlers.CODES.size();
    }
}
