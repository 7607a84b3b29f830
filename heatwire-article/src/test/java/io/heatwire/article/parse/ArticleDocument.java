package io.heatwire.article.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small article documents for tests: a valid minimal article whose top-level fields can be
 * replaced, removed or added as raw YAML, rendered with or without front-matter fences.
 */
public final class ArticleDocument {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> related = new ArrayList<>();
    private String body;
    private boolean fenced = true;
    private String lineEnd = "\n";

    private ArticleDocument() {
        fields.put("title", "\"A title\"");
        fields.put("webUrl", "\"https://www.example.com/news/a\"");
        fields.put("publishedDateTime", "2024-03-01T10:00:00Z");
        fields.put("quality", "50");
        fields.put("provider", "\n  name: Example\n  domain: example.com");
    }

    public static ArticleDocument valid() {
        return new ArticleDocument();
    }

    /** Sets a top-level field to a raw YAML value (which may start with a newline for blocks). */
    public ArticleDocument with(final String field, final String rawYaml) {
        fields.put(field, rawYaml);
        return this;
    }

    public ArticleDocument without(final String field) {
        fields.remove(field);
        return this;
    }

    /** Adds a related entry with a title and the given web URL. */
    public ArticleDocument relatedTo(final String webUrl) {
        related.add("  - title: \"Related " + related.size() + "\"\n    webUrl: \"" + webUrl + "\"");
        return this;
    }

    /** Adds a related entry given as raw YAML lines (indented under a "  - " item). */
    public ArticleDocument relatedRaw(final String rawItem) {
        related.add(rawItem);
        return this;
    }

    public ArticleDocument body(final String text) {
        this.body = text;
        return this;
    }

    public ArticleDocument bare() {
        this.fenced = false;
        return this;
    }

    public ArticleDocument crlf() {
        this.lineEnd = "\r\n";
        return this;
    }

    public String text() {
        final StringBuilder out = new StringBuilder();
        if (fenced) {
            out.append("---\n");
        }
        fields.forEach((name, value) -> out.append(name)
                .append(':')
                .append(value.startsWith("\n") ? "" : " ")
                .append(value)
                .append('\n'));
        if (!related.isEmpty()) {
            out.append("related:\n");
            related.forEach(item -> out.append(item).append('\n'));
        }
        if (fenced) {
            out.append("---\n");
        }
        if (body != null) {
            out.append(body);
        }
        return out.toString().replace("\n", lineEnd);
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
