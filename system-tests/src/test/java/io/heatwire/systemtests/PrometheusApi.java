package io.heatwire.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of Prometheus's HTTP API the end-to-end tests need. */
final class PrometheusApi {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    PrometheusApi(URI base) {
        this.base = base;
    }

    /** The samples an instant query returns now; a scalar or string result counts as one sample. */
    List<JsonNode> query(String expr) throws IOException, InterruptedException {
        final JsonNode data = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8))
                .path("data");
        final List<JsonNode> samples = new ArrayList<>();
        final String type = data.path("resultType").asString("");
        if (type.equals("scalar") || type.equals("string")) {
            samples.add(data.path("result"));
        } else {
            data.path("result").values().forEach(samples::add);
        }
        return samples;
    }

    /** Every loaded rule, as the rules endpoint describes it (name, health, lastError, ...). */
    List<JsonNode> rules() throws IOException, InterruptedException {
        final List<JsonNode> rules = new ArrayList<>();
        get("/api/v1/rules")
                .path("data")
                .path("groups")
                .values()
                .forEach(group -> group.path("rules").values().forEach(rules::add));
        return rules;
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        final HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        final JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !body.path("status").asString("").equals("success")) {
            throw new IllegalStateException(
                    pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return body;
    }
}
