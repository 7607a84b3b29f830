package io.heatwire.support.health;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an anonymous caller of a service's {@code /actuator} sees, the same for both services: the
 * build and the Java runtime in info, the health status without components or details, readiness
 * without the broker probe's details. A service's {@code ActuatorEndpointsTest} extends it with
 * {@code @SpringBootTest} on a random port over {@link ActuatorOnly} (or a configuration that
 * imports it), so its own application.yml sets the actuator up but none of its beans start (no
 * broker needed), and adds what only it has.
 *
 * <p>Shipped in heatwire-support's test-jar; heatwire-support's own code knows no Spring outside
 * its health package, and its tests are not part of that rule.
 */
public abstract class ActuatorEndpointsContract {

    /** The actuator and nothing else of the application. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    public static class ActuatorOnly {

        /** Stands in for the broker probe the readiness group includes; its details must stay hidden. */
        @Bean
        HealthIndicator kafka() {
            return () ->
                    Health.up().withDetail("clusterId", "hidden-cluster-id").build();
        }
    }

    @Autowired
    private Environment environment;

    private final String artifact;

    /** {@code artifact}: the service's Maven artifact id, which info's build section names. */
    protected ActuatorEndpointsContract(final String artifact) {
        this.artifact = artifact;
    }

    @Test
    void shouldShowTheBuildAndTheJavaRuntimeInInfo() throws Exception {
        final JsonNode info = get("/actuator/info");

        assertThat(info.path("build").path("artifact").asString()).isEqualTo(artifact);
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
        final JsonNode readiness = assertStatusOnly("/actuator/health/readiness");
        assertThat(readiness.toString()).doesNotContain("hidden-cluster-id");
    }

    /** The health group at {@code path}: answered 200 with its status and nothing else. */
    protected JsonNode assertStatusOnly(final String path) throws IOException, InterruptedException {
        final JsonNode group = get(path);
        assertThat(group.properties())
                .as(group.toString())
                .extracting(Map.Entry::getKey)
                .containsOnly("status");
        return group;
    }

    /** The JSON answer to a GET of {@code path}, which must be 200. */
    protected JsonNode get(final String path) throws IOException, InterruptedException {
        final URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
        final HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
