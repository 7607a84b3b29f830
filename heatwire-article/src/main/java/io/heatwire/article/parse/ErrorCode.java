package io.heatwire.article.parse;

/**
 * Stable codes for documents that cannot become an article (SPEC 4). The names are written to the
 * dead-letter topic and used as metric tags, so they never change once released.
 */
public enum ErrorCode {
    /** The bytes are not valid UTF-8. */
    NOT_UTF8,
    /** The document is empty or its root is not a mapping (a sequence, a scalar). */
    NOT_A_MAPPING,
    /** The YAML or JSON cannot be parsed; line and column are given where known. */
    YAML_SYNTAX,
    /** A YAML tag asks for a type other than the core schema's (for example {@code !!java...}). */
    UNSUPPORTED_TAG,
    /** Neither {@code webUrl}, {@code originalUrl} nor {@code ampWebUrl} is a usable http(s) URL. */
    MISSING_URL,
    /** There is no non-blank {@code title}. */
    MISSING_TITLE,
    /** {@code publishedDateTime} is missing or not an ISO-8601 date-time. */
    BAD_DATE,
    /** The document is larger than the configured maximum size. */
    TOO_LARGE,
    /** Another configured limit (aliases, nesting depth, related entries, string length) was exceeded. */
    LIMIT_EXCEEDED
}
