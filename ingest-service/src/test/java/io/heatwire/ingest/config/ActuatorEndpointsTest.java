package io.heatwire.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actuator as ingest-service's application.yml sets it up, on a real port but without the
 * application's beans (no broker needed): what an anonymous caller of {@code /actuator} sees.
 */
@SpringBootTest(
        classes = ActuatorEndpointsTest.ActuatorOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorEndpointsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ActuatorOnly {

        /** Stands in for the broker probe the readiness group includes; its details must stay hidden. */
        @Bean
        HealthIndicator kafka() {
            return () ->
                    Health.up().withDetail("clusterId", "hidden-cluster-id").build();
        }
    }

    @Autowired
    private Environment environment;

    @Test
    void shouldShowTheBuildAndTheJavaRuntimeInInfo() throws Exception {
        final JsonNode info = get("/actuator/info");

        assertThat(info.path("build").path("artifact").asString()).isEqualTo("ingest-service");
        assertThat(info.path("build").path("version").asString()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(info.path("build").path("time").asString()).isNotBlank();
        assertThat(info.path("java").path("version").asString()).isNotBlank();
    }

    @Test
    void shouldShowAnAnonymousCallerTheHealthStatusWithoutDetails() throws Exception {
        final JsonNode health = get("/actuator/health");

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).as(health.toString()).isFalse();
        assertThat(health.has("details")).as(health.toString()).isFalse();
        final JsonNode readiness = get("/actuator/health/readiness");
        assertThat(readiness.properties())
                .as(readiness.toString())
                .extracting(Map.Entry::getKey)
                .containsOnly("status");
        assertThat(readiness.toString()).doesNotContain("hidden-cluster-id");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        final URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
        final HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
