package io.heatwire.enrich.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Binary serdes for what only enrich-service reads: state stores, their changelogs and the
 * internal topics. CBOR (RFC 8949) with the same Jackson annotations as the JSON of the output
 * topics, which stay JSON for their users. docs/performance.md has the measurement behind the
 * choice ({@code EncodingBenchmark}).
 */
public final class InternalSerdes {

    private static final CBORMapper MAPPER = CBORMapper.builder().build();
    /** A JSON object starts with '{'; a CBOR object never does (0x7B would be a long text string). */
    private static final byte JSON_OBJECT = '{';

    private InternalSerdes() {
    }

    public static CBORMapper mapper() {
        return MAPPER;
    }

    public static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value),
                (topic, bytes) -> read(type, topic, bytes));
    }

    private static <T> T read(Class<T> type, String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length > 0 && bytes[0] == JSON_OBJECT) {
            throw new SerializationException("a JSON " + type.getSimpleName() + " in " + topic + ": state written by "
                    + "an older heatwire, which this version cannot read; see docs/upgrading.md (run under a new "
                    + "application id and reprocess the raw topic)");
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new SerializationException("cannot read a " + type.getSimpleName() + " from " + topic + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
