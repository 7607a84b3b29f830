package io.heatwire.loadgen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.heatwire.corpus.CorpusPlan;
import io.heatwire.corpus.ExpectedStructure;

/**
 * The expected-result file a benchmark checks the pipeline's output against: how the corpus was
 * made, then {@link ExpectedStructure}'s fields.
 */
final class ExpectedJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ExpectedJson() {}

    static ObjectNode toJson(final CorpusPlan plan, final SizeStats sizes, final ExpectedStructure expected) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("generator", "heatwire-loadgen");
        root.put("count", plan.count());
        root.put("seed", plan.seed());
        if (!plan.options().idNamespace().isEmpty()) {
            // Only when given: without it the file stays as it always was.
            root.put("idNamespace", plan.options().idNamespace());
        }
        root.put("documentBytes", sizes.bytes());
        root.put("articles", plan.count());
        final ObjectNode fields = MAPPER.valueToTree(expected);
        root.setAll(fields);
        return root;
    }

    static void write(final Path file, final ObjectNode json) throws IOException {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            MAPPER.writeValue(out, json);
        }
    }
}
