package io.heatwire.article.parse;

/**
 * Limits that keep hostile documents from exhausting CPU or memory (SPEC 4). All are checked while
 * reading, before anything proportional to the offending input is built.
 *
 * @param maxDocumentBytes maximum document size in bytes, checked before decoding
 * @param maxAliases       maximum number of YAML aliases ({@code *name}); their expansion is also
 *                         bounded by {@code maxDocumentBytes}
 * @param maxNestingDepth  maximum nesting of mappings and sequences
 * @param maxRelated       maximum number of {@code related} entries
 * @param maxStringLength  maximum length of one scalar or key, in chars
 */
public record ParseLimits(
        int maxDocumentBytes, int maxAliases, int maxNestingDepth, int maxRelated, int maxStringLength) {

    /** Property names, so that a rejection can say which setting to change. */
    public static final String PREFIX = "heatwire.parse.";

    public static final String MAX_DOCUMENT_BYTES = PREFIX + "max-document-bytes";
    public static final String MAX_ALIASES = PREFIX + "max-aliases";
    public static final String MAX_NESTING_DEPTH = PREFIX + "max-nesting-depth";
    public static final String MAX_RELATED = PREFIX + "max-related";
    public static final String MAX_STRING_LENGTH = PREFIX + "max-string-length";

    private static final ParseLimits DEFAULTS = new ParseLimits(1024 * 1024, 16, 32, 1_000, 100_000);

    public ParseLimits {
        requirePositive(maxDocumentBytes, MAX_DOCUMENT_BYTES);
        requireNotNegative(maxAliases, MAX_ALIASES);
        // root mapping → related → entry → images → image needs five levels
        if (maxNestingDepth < 5) {
            throw new IllegalArgumentException(MAX_NESTING_DEPTH + " must be at least 5, was " + maxNestingDepth);
        }
        requireNotNegative(maxRelated, MAX_RELATED);
        requirePositive(maxStringLength, MAX_STRING_LENGTH);
    }

    /** 1 MiB documents, 16 aliases, depth 32, 1,000 related entries, 100,000-char strings. */
    public static ParseLimits defaults() {
        return DEFAULTS;
    }

    public ParseLimits withMaxDocumentBytes(final int value) {
        return new ParseLimits(value, maxAliases, maxNestingDepth, maxRelated, maxStringLength);
    }

    public ParseLimits withMaxAliases(final int value) {
        return new ParseLimits(maxDocumentBytes, value, maxNestingDepth, maxRelated, maxStringLength);
    }

    public ParseLimits withMaxNestingDepth(final int value) {
        return new ParseLimits(maxDocumentBytes, maxAliases, value, maxRelated, maxStringLength);
    }

    public ParseLimits withMaxRelated(final int value) {
        return new ParseLimits(maxDocumentBytes, maxAliases, maxNestingDepth, value, maxStringLength);
    }

    public ParseLimits withMaxStringLength(final int value) {
        return new ParseLimits(maxDocumentBytes, maxAliases, maxNestingDepth, maxRelated, value);
    }

    private static void requirePositive(final int value, final String property) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(final int value, final String property) {
        if (value < 0) {
            throw new IllegalArgumentException(property + " must not be negative, was " + value);
        }
    }
}
