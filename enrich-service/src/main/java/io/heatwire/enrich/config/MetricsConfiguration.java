package io.heatwire.enrich.config;

import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.heatwire.article.parse.ErrorCode;
import io.heatwire.enrich.deadletter.DeadLetterExceptionHandlers;
import io.heatwire.support.contract.MetricNames;

/** Meters that must exist before the topology first increments them. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** The name and tag the topology and the exception handlers count dead letters under. */
    static final String DEAD_LETTERS = MetricNames.DEAD_LETTERS;

    static final String CODE_TAG = MetricNames.CODE_TAG;

    /**
     * Every code a record can be dead-lettered with, at zero: the parser's, which the topology
     * counts, and the exception handlers', which count through Micrometer's global registry (bound
     * to this one). An alert on {@code increase(…)} needs a series before the first dead letter, or
     * the first one after a restart goes unnoticed.
     */
    @Bean
    MeterBinder deadLetterCodes() {
        return registry -> codes().forEach(code -> registry.counter(DEAD_LETTERS, CODE_TAG, code));
    }

    static List<String> codes() {
        return Stream.concat(
                        Stream.of(ErrorCode.values()).map(ErrorCode::name), DeadLetterExceptionHandlers.CODES.stream())
                .toList();
    }
}
