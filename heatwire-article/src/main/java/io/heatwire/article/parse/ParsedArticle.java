package io.heatwire.article.parse;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One raw article document after parsing, validation and text normalization (SPEC 3–4).
 *
 * <p>The input's {@code heat} is deliberately not carried: heatwire computes heat itself.
 * {@code secured} is passed through unchanged and is left out of {@link #toString()} so that it
 * never reaches a log line.
 *
 * @param url           the first usable of webUrl, originalUrl, ampWebUrl (SPEC 4), as given
 * @param quality       0–100, or null when missing or invalid
 * @param published     the input's flag, or null
 * @param provider      never null; its fields may be null
 * @param unknownFields top-level fields heatwire does not know, in document order, as plain values
 *                      (String, Number, Boolean, null, List, Map); unmodifiable
 * @param body          text after the closing front-matter fence, trimmed; null when there is none
 */
public record ParsedArticle(
        String url,
        String category,
        String title,
        String excerpt,
        Instant publishedAt,
        String originalUrl,
        String webUrl,
        String ampWebUrl,
        String cdnAmpWebUrl,
        String type,
        Integer quality,
        Boolean published,
        Provider provider,
        List<String> topics,
        List<Image> images,
        List<RelatedEntry> related,
        String secured,
        Map<String, Object> unknownFields,
        List<Warning> warnings,
        String body) {

    public ParsedArticle {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(provider, "provider");
        topics = List.copyOf(topics);
        images = List.copyOf(images);
        related = List.copyOf(related);
        warnings = List.copyOf(warnings);
        // Plain values may be null, which Map.copyOf rejects.
        unknownFields = Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }

    /** Whether {@code secured} was given; the value itself stays out of diagnostics. */
    public boolean hasSecured() {
        return secured != null;
    }

    @Override
    public String toString() {
        return "ParsedArticle[url=" + url + ", title=" + title + ", publishedAt=" + publishedAt
                + ", provider=" + provider + ", quality=" + quality + ", related=" + related.size()
                + ", images=" + images.size() + ", topics=" + topics
                + ", unknownFields=" + unknownFields.keySet() + ", warnings=" + warnings
                + ", secured=" + (secured == null ? "absent" : "<redacted>")
                + ", body=" + (body == null ? "absent" : body.length() + " chars") + "]";
    }
}
