package io.heatwire.enrich;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.support.kafka.TopicReader;

/** What a topic on a real broker holds, read to its current end (committed records only). */
public final class TopicContents {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Duration MAX_READ = Duration.ofMinutes(5);

    private TopicContents() {}

    /** Every committed record, in partition order. */
    public static List<ConsumerRecord<byte[], byte[]>> all(String bootstrapServers, String topic) {
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        TopicReader.readToEnd(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, MAX_READ, records::add);
        return records;
    }

    /** What a consumer of a compacted topic sees: the last JSON value per key, tombstoned keys gone. */
    public static Map<String, JsonNode> compacted(String bootstrapServers, String topic) {
        final Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : all(bootstrapServers, topic)) {
            final String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, MAPPER.readTree(record.value()));
            }
        }
        return latest;
    }
}
