package io.heatwire.enrich.config;

import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.heatwire.article.parse.ErrorCode;

/** Meters that must exist before the topology first increments them. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** The name and tag the topology counts dead letters under. */
    static final String DEAD_LETTERS = "heatwire.enrich.dead.letters";
    static final String CODE_TAG = "code";

    /**
     * Every code the parser can reject with, at zero: an alert on {@code increase(…)} needs a
     * series before the first dead letter, or the first one after a restart goes unnoticed.
     */
    @Bean
    MeterBinder deadLetterCodes() {
        final List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList();
        return registry -> codes.forEach(code -> registry.counter(DEAD_LETTERS, CODE_TAG, code));
    }
}
