package io.heatwire.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One raw record: the source id it is keyed by, the document bytes, and the {@code url} of the
 * ARTICLE story enrich-service makes of it.
 */
record RawDocument(String key, byte[] value, String url) {

    /** A top-level {@code webUrl} in double quotes: unindented in YAML, a quoted key at a line's start in JSON. */
    private static final Pattern WEB_URL = Pattern.compile("(?m)^(?:webUrl|\\s*\"webUrl\"):\\s*\"([^\"]+)\"");

    /** A document in the seeds' format, whose story's url is its {@code webUrl}. */
    static RawDocument withWebUrl(String key, byte[] value) {
        return new RawDocument(key, value, webUrl(key, value));
    }

    /**
     * The {@code webUrl} of a document in the seeds' format, bare YAML or JSON: the URL of the story
     * it becomes. Fails, naming the document, when it has none in double quotes.
     */
    static String webUrl(String name, byte[] document) {
        final Matcher url = WEB_URL.matcher(new String(document, StandardCharsets.UTF_8));
        if (!url.find()) {
            throw new IllegalArgumentException("no webUrl in " + name);
        }
        return url.group(1);
    }
}
