package io.heatwire.benchmarks.pipeline;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads single top-level fields of story and cluster records without building the whole tree:
 * {@code kind} and {@code size} come early, and the benchmark must not compete with enrich-service
 * for CPU more than it has to.
 */
final class StoryJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StoryJson() {}

    /** The value of top-level field {@code name} as text, or null when it is absent or not a scalar. */
    static String field(final byte[] json, final String name) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                final String property = parser.currentName();
                final JsonToken value = parser.nextToken();
                if (property.equals(name)) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getString() : null;
                }
                parser.skipChildren();
            }
            return null;
        }
    }
}
