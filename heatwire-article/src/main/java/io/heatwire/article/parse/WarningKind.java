package io.heatwire.article.parse;

/**
 * Stable kinds of field-level problems (SPEC 4): the article is kept and the problem is recorded.
 * The names are used as metric tags and in the story's {@code warnings}, so they never change.
 */
public enum WarningKind {
    /** {@code quality} is not an integer 0–100; it becomes null. */
    QUALITY_INVALID,
    /** A related entry has no usable URL; the entry is skipped. */
    RELATED_WITHOUT_URL,
    /** A related entry is not a mapping; the entry is skipped. */
    RELATED_INVALID,
    /** A related entry resolves to the article itself; it yields no story and no edge. */
    RELATED_SELF_REFERENCE,
    /** An image is not a mapping with a usable URL and non-negative integer sizes; it is dropped. */
    IMAGE_INVALID,
    /** A date-time has no zone or offset; it is read as UTC. */
    DATE_WITHOUT_ZONE,
    /** A related entry's date is not an ISO-8601 date-time; it becomes null. */
    DATE_INVALID,
    /** A URL field of the article is present but not a usable http(s) URL. */
    URL_INVALID,
    /** Text that was UTF-8 decoded as Windows-1252 was repaired. */
    MOJIBAKE_REPAIRED,
    /** A known field has the wrong shape (for example a mapping where text is expected); it is ignored. */
    FIELD_INVALID
}
