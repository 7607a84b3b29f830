package io.heatwire.enrich.cli;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a consumer of a compacted topic sees once it has read it all: the last value of every key,
 * tombstoned keys removed.
 */
final class CompactedView {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CompactedView() {}

    static Map<String, JsonNode> read(KafkaClientSettings kafka, String topic) {
        return read(kafka, topic, Function.identity());
    }

    /**
     * The last value of every key, as far as {@code keep} keeps it: a large topic (a million
     * stories) is read into a map of what the caller needs, not of whole records.
     */
    static <T> Map<String, T> read(KafkaClientSettings kafka, String topic, Function<JsonNode, T> keep) {
        final Map<String, T> latest = new HashMap<>();
        TopicScan.scan(kafka, topic, record -> {
            final String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, keep.apply(MAPPER.readTree(record.value())));
            }
        });
        return latest;
    }
}
