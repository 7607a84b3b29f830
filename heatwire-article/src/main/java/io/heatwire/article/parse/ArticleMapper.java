package io.heatwire.article.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.heatwire.article.identity.CanonicalUrl;

/**
 * Turns the plain values of one document into a {@link ParsedArticle}: fatal checks (SPEC 4),
 * field-level warnings and text normalization. One instance per document; not thread-safe.
 */
final class ArticleMapper {

    private static final Set<String> KNOWN_FIELDS = Set.of(
            "category",
            "title",
            "excerpt",
            "publishedDateTime",
            "originalUrl",
            "webUrl",
            "ampWebUrl",
            "cdnAmpWebUrl",
            "type",
            "quality",
            "heat",
            "published",
            "provider",
            "topics",
            "images",
            "related",
            "secured");

    /** The field of a warning about the document as a whole rather than one of its fields. */
    static final String DOCUMENT_FIELD = "document";

    private final List<Warning> warnings = new ArrayList<>();
    private final ParseLimits limits;

    ArticleMapper(final ParseLimits limits) {
        this.limits = limits;
    }

    ParsedArticle map(final Map<String, Object> root, final String body) throws RejectedDocumentException {
        final String webUrl = url(root, "webUrl", "");
        final String originalUrl = url(root, "originalUrl", "");
        final String ampWebUrl = url(root, "ampWebUrl", "");
        final String cdnAmpWebUrl = url(root, "cdnAmpWebUrl", "");
        final String url = firstUsable(webUrl, originalUrl, ampWebUrl);
        if (url == null) {
            throw new RejectedDocumentException(
                    ErrorCode.MISSING_URL, "no usable http(s) URL in webUrl, originalUrl or ampWebUrl");
        }
        final String title = line(root.get("title"), "title");
        if (title == null || title.isEmpty()) {
            throw new RejectedDocumentException(ErrorCode.MISSING_TITLE, "no non-blank title");
        }
        final Instant publishedAt = date(root.get("publishedDateTime"), "publishedDateTime");
        if (publishedAt == null) {
            throw new RejectedDocumentException(
                    ErrorCode.BAD_DATE, "publishedDateTime is missing or not an ISO-8601 date-time");
        }
        final List<RelatedEntry> related = related(root.get("related"));

        final Map<String, Object> unknown = new LinkedHashMap<>();
        for (final Map.Entry<String, Object> field : root.entrySet()) {
            if (!KNOWN_FIELDS.contains(field.getKey())) {
                unknown.put(field.getKey(), field.getValue());
            }
        }
        return new ParsedArticle(
                url,
                code(root.get("category"), "category"),
                title,
                line(root.get("excerpt"), "excerpt"),
                publishedAt,
                originalUrl,
                webUrl,
                ampWebUrl,
                cdnAmpWebUrl,
                code(root.get("type"), "type"),
                quality(root.get("quality"), "quality"),
                bool(root.get("published"), "published"),
                provider(root.get("provider"), "provider"),
                topics(root.get("topics")),
                images(root.get("images"), "images"),
                related,
                secured(root.get("secured")),
                unknown,
                warnings,
                body);
    }

    private List<RelatedEntry> related(final Object value) throws RejectedDocumentException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            warn(WarningKind.FIELD_INVALID, "related", "related is not a sequence; ignored");
            return List.of();
        }
        // An alias can bring in a list the reader did not count.
        if (entries.size() > limits.maxRelated()) {
            throw new RejectedDocumentException(
                    ErrorCode.LIMIT_EXCEEDED,
                    "limit exceeded: more than " + limits.maxRelated() + " related entries (" + ParseLimits.MAX_RELATED
                            + ")");
        }
        final List<RelatedEntry> related = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            final String field = "related[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                warn(WarningKind.RELATED_INVALID, field, "related entry is not a mapping; skipped");
                continue;
            }
            final String webUrl = url(entry, "webUrl", field + ".");
            final String originalUrl = url(entry, "originalUrl", field + ".");
            final String ampWebUrl = url(entry, "ampWebUrl", field + ".");
            final String cdnAmpWebUrl = url(entry, "cdnAmpWebUrl", field + ".");
            final String url = firstUsable(webUrl, originalUrl, ampWebUrl);
            if (url == null) {
                warn(WarningKind.RELATED_WITHOUT_URL, field, "related entry has no usable URL; skipped");
                continue;
            }
            related.add(new RelatedEntry(
                    url,
                    line(entry.get("title"), field + ".title"),
                    line(entry.get("excerpt"), field + ".excerpt"),
                    relatedDate(entry.get("publishedDateTime"), field + ".publishedDateTime"),
                    originalUrl,
                    webUrl,
                    ampWebUrl,
                    cdnAmpWebUrl,
                    code(entry.get("type"), field + ".type"),
                    provider(entry.get("provider"), field + ".provider"),
                    quality(entry.get("quality"), field + ".quality"),
                    images(entry.get("images"), field + ".images")));
        }
        return related;
    }

    private static String firstUsable(final String... urls) {
        for (final String url : urls) {
            if (url != null && CanonicalUrl.canonicalize(url).isPresent()) {
                return url;
            }
        }
        return null;
    }

    /** A URL field as given (trimmed); a present but unusable value is kept and reported. */
    private String url(final Map<?, ?> mapping, final String name, final String prefix) {
        final String url = scalarText(mapping.get(name), prefix + name);
        if (url == null) {
            return null;
        }
        final String trimmed = url.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (CanonicalUrl.canonicalize(trimmed).isEmpty()) {
            warn(WarningKind.URL_INVALID, prefix + name, prefix + name + " is not a usable http(s) URL");
        }
        return trimmed;
    }

    /** Title-like text: entities decoded, mojibake repaired, whitespace collapsed; null when blank. */
    private String line(final Object value, final String field) {
        final String text = scalarText(value, field);
        if (text == null) {
            return null;
        }
        final String decoded = TextNormalizer.decodeHtmlEntities(text.strip());
        final String repaired = TextNormalizer.repairMojibake(decoded);
        if (repaired != decoded) {
            warn(WarningKind.MOJIBAKE_REPAIRED, field, "UTF-8 text read as Windows-1252 was repaired");
        }
        final String collapsed = TextNormalizer.collapseWhitespace(repaired);
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** Short codes such as category and type: trimmed only; null when blank. */
    private String code(final Object value, final String field) {
        final String text = scalarText(value, field);
        if (text == null) {
            return null;
        }
        final String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private Instant date(final Object value, final String field) {
        final String text = scalarText(value, field);
        if (text == null) {
            return null;
        }
        final DateTimes.Parsed parsed = DateTimes.parse(text);
        if (parsed == null) {
            return null;
        }
        if (!parsed.zoned()) {
            warn(WarningKind.DATE_WITHOUT_ZONE, field, field + " has no zone or offset; read as UTC");
        }
        return parsed.instant();
    }

    private Instant relatedDate(final Object value, final String field) {
        final Instant instant = date(value, field);
        if (instant == null && value != null) {
            warn(WarningKind.DATE_INVALID, field, field + " is not an ISO-8601 date-time; ignored");
        }
        return instant;
    }

    /** An integer 0–100 (a number or a string of digits); anything else becomes null with a warning. */
    private Integer quality(final Object value, final String field) {
        if (value == null) {
            return null;
        }
        final Integer quality = integer(value);
        if (quality == null || quality < 0 || quality > 100) {
            warn(WarningKind.QUALITY_INVALID, field, field + " is not an integer from 0 to 100; ignored");
            return null;
        }
        return quality;
    }

    private Boolean bool(final Object value, final String field) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        warn(WarningKind.FIELD_INVALID, field, field + " is not a boolean; ignored");
        return null;
    }

    private Provider provider(final Object value, final String field) {
        if (value == null) {
            return new Provider(null, null);
        }
        if (!(value instanceof Map<?, ?> provider)) {
            warn(WarningKind.FIELD_INVALID, field, field + " is not a mapping; ignored");
            return new Provider(null, null);
        }
        return new Provider(
                line(provider.get("name"), field + ".name"), code(provider.get("domain"), field + ".domain"));
    }

    private List<String> topics(final Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            warn(WarningKind.FIELD_INVALID, "topics", "topics is not a sequence; ignored");
            return List.of();
        }
        final Set<String> topics = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            final String topic = line(list.get(i), "topics[" + i + "]");
            if (topic != null) {
                topics.add(topic);
            }
        }
        return List.copyOf(topics);
    }

    private List<Image> images(final Object value, final String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            warn(WarningKind.FIELD_INVALID, field, field + " is not a sequence; ignored");
            return List.of();
        }
        final List<Image> images = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            final Image image = image(list.get(i));
            if (image == null) {
                warn(
                        WarningKind.IMAGE_INVALID,
                        field + "[" + i + "]",
                        "image needs a usable URL and non-negative integer sizes; dropped");
            } else {
                images.add(image);
            }
        }
        return images;
    }

    private static Image image(final Object value) {
        if (!(value instanceof Map<?, ?> image) || !(image.get("url") instanceof String rawUrl)) {
            return null;
        }
        final String url = rawUrl.strip();
        if (CanonicalUrl.canonicalize(url).isEmpty()) {
            return null;
        }
        final Object width = image.get("width");
        final Object height = image.get("height");
        final Integer w = integer(width);
        final Integer h = integer(height);
        if ((width != null && (w == null || w < 0)) || (height != null && (h == null || h < 0))) {
            return null;
        }
        final Object cached = image.get("isCached");
        return new Image(url, w, h, cached instanceof Boolean flag ? flag : null);
    }

    private String secured(final Object value) {
        if (value instanceof Map || value instanceof List) {
            warn(WarningKind.FIELD_INVALID, "secured", "secured is not a scalar; ignored");
            return null;
        }
        // Passed through exactly as written: no trimming, no normalization.
        return value == null ? null : value.toString();
    }

    /** The text of a scalar; null for null; a mapping or sequence is reported and treated as absent. */
    private String scalarText(final Object value, final String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Map || value instanceof List) {
            warn(WarningKind.FIELD_INVALID, field, field + " is not a scalar; ignored");
            return null;
        }
        return value.toString();
    }

    private static Integer integer(final Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l) {
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (int) (long) l : null;
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            return null;
        }
        if (value instanceof String s) {
            final String digits = s.strip();
            if (digits.isEmpty() || digits.length() > 9) {
                return null;
            }
            for (int i = 0; i < digits.length(); i++) {
                if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                    return null;
                }
            }
            return Integer.parseInt(digits);
        }
        return null;
    }

    void warn(final WarningKind kind, final String field, final String message) {
        warnings.add(new Warning(kind, field, message));
    }
}
