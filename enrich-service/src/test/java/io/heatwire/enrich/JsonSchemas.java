package io.heatwire.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates output records, as bytes, against the JSON Schemas under {@code schemas/}. The
 * validator is Jackson 3 native, like the services; the bytes are read back rather than an
 * in-memory tree handed over, so what is checked is what the topic receives.
 */
public final class JsonSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonMapper READER = JsonMapper.builder().build();

    private JsonSchemas() {}

    /** The violations of {@code json} against {@code schemas/<name>.schema.json}; empty when valid. */
    public static List<Error> violations(String name, byte[] json) {
        return SCHEMAS.computeIfAbsent(name, JsonSchemas::load).validate(READER.readTree(json));
    }

    private static Schema load(String name) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema schemas/" + name + ".schema.json");
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
