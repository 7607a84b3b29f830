package io.heatwire.enrich.topology;

import org.apache.kafka.common.serialization.Serde;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serdes for topic values and state. Jackson 3 writes java.time values as ISO-8601 strings by
 * default; no type headers are written, types come from the topic.
 */
public final class JsonSerdes {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonSerdes() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static <T> Serde<T> of(Class<T> type) {
        return new JacksonJsonSerde<T>(type, MAPPER).noTypeInfo().ignoreTypeHeaders();
    }
}
