package io.heatwire.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import io.heatwire.support.health.ActuatorEndpointsContract;

/**
 * The actuator as enrich-service's application.yml sets it up, on a real port but without the
 * application's beans (no broker needed): what an anonymous caller of {@code /actuator} sees,
 * including the query API's health group.
 */
@SpringBootTest(
        classes = ActuatorEndpointsTest.WithStreamsIndicators.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorEndpointsTest extends ActuatorEndpointsContract {

    @Configuration(proxyBeanMethods = false)
    @Import(ActuatorOnly.class)
    static class WithStreamsIndicators {

        /** Stands in for the Streams client state the readiness group includes. */
        @Bean
        HealthIndicator kafkaStreams() {
            return () -> Health.up().withDetail("state", "RUNNING").build();
        }

        /** Stands in for the Streams client state the query group includes. */
        @Bean
        HealthIndicator queryViews() {
            return () -> Health.up().withDetail("state", "RUNNING").build();
        }
    }

    ActuatorEndpointsTest() {
        super("enrich-service");
    }

    @Test
    void shouldShowAnAnonymousCallerTheStreamsGroupsStatusWithoutTheirDetails() throws Exception {
        final JsonNode readiness = get("/actuator/health/readiness");
        assertThat(readiness.toString()).doesNotContain("hidden-cluster-id").doesNotContain("RUNNING");
        final JsonNode query = assertStatusOnly("/actuator/health/query");
        assertThat(query.path("status").asString()).isEqualTo("UP");
    }
}
