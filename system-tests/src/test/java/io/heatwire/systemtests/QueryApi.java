package io.heatwire.systemtests;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** enrich-service's query API as a test reads it, and what it must answer, computed from the topics. */
final class QueryApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueryApi() {}

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every item of a paged listing, following the cursors, {@code limit} per page. */
    static List<JsonNode> all(int port, String path, int limit) throws IOException, InterruptedException {
        final List<JsonNode> items = new ArrayList<>();
        String after = null;
        do {
            final String separator = path.contains("?") ? "&" : "?";
            final HttpResponse<String> response = ServiceHttp.get(
                    port, path + separator + "limit=" + limit + (after == null ? "" : "&after=" + encode(after)));
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
            final JsonNode page = json(response);
            page.get("items").forEach(items::add);
            after = page.get("next").isNull() ? null : page.get("next").asString();
        } while (after != null);
        return items;
    }

    /** The clusters hottest first: heatScore descending, clusters without one last, ties by id. */
    static List<JsonNode> byHeat(Map<String, JsonNode> clusters) {
        final Comparator<JsonNode> heat = Comparator.comparing(
                (JsonNode cluster) -> cluster.get("heatScore").isNull()
                        ? null
                        : cluster.get("heatScore").asDouble(),
                Comparator.nullsLast(Comparator.reverseOrder()));
        return clusters.values().stream()
                .sorted(heat.thenComparing(cluster -> cluster.get("id").asString()))
                .toList();
    }
}
