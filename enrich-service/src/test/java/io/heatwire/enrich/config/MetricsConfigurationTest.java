package io.heatwire.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.heatwire.article.parse.ErrorCode;

class MetricsConfigurationTest {

    @Test
    void shouldRegisterADeadLetterCounterAtZeroForEveryErrorCode() {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();

        new MetricsConfiguration().deadLetterCodes().bindTo(registry);

        assertThat(registry.find(MetricsConfiguration.DEAD_LETTERS).counters())
                .extracting(counter -> counter.getId().getTag(MetricsConfiguration.CODE_TAG))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
        assertThat(registry.find(MetricsConfiguration.DEAD_LETTERS).counters()).allSatisfy(counter ->
                assertThat(((Counter) counter).count()).isZero());
    }
}
