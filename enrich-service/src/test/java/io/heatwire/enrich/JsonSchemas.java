package io.heatwire.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates output records, as bytes, against the JSON Schemas under {@code schemas/}. */
public final class JsonSchemas {

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectMapper READER = new ObjectMapper();

    private JsonSchemas() {
    }

    /** The violations of {@code json} against {@code schemas/<name>.schema.json}; empty when valid. */
    public static Set<ValidationMessage> violations(String name, byte[] json) {
        try {
            return SCHEMAS.computeIfAbsent(name, JsonSchemas::load).validate(READER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load(String name) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema schemas/" + name + ".schema.json");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
