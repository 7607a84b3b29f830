package io.heatwire.enrich.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serdes for the output topics, which any consumer reads. Jackson 3 writes java.time values
 * as ISO-8601 strings by default; no type headers are written, types come from the topic.
 */
public final class JsonSerdes {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonSerdes() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value), (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return MAPPER.readValue(bytes, type);
                    } catch (JacksonException e) {
                        throw new SerializationException(
                                "cannot read a " + type.getSimpleName() + " from " + topic + ": "
                                        + e.getOriginalMessage(),
                                e);
                    }
                });
    }
}
