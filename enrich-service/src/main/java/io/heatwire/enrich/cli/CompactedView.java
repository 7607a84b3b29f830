package io.heatwire.enrich.cli;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a consumer of a compacted topic sees once it has read it all: the last value of every key,
 * tombstoned keys removed.
 */
final class CompactedView {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CompactedView() {
    }

    static Map<String, JsonNode> read(KafkaClientSettings kafka, String topic) {
        final Map<String, JsonNode> latest = new HashMap<>();
        TopicScan.scan(kafka, topic, record -> {
            final String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, MAPPER.readTree(record.value()));
            }
        });
        return latest;
    }
}
