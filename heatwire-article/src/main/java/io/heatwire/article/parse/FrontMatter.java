package io.heatwire.article.parse;

/**
 * Where the YAML (or JSON) of a decoded document is, and the body after it (docs/input-format.md).
 *
 * <p>A document whose first line is {@code ---} is front matter: the mapping runs to the next line
 * that is {@code ---} or {@code ...} (or to the end), and the text after that line is the body. Any
 * other document is parsed whole. A UTF-8 byte order mark is skipped; CRLF line ends are fine.
 *
 * @param start     index of the first char of the mapping's text
 * @param end       index after its last char
 * @param firstLine 0-based line on which {@code start} lies, to report positions in the document
 * @param body      text after the closing fence, trimmed; null when absent or blank
 * @param json      whether the mapping's text starts with {@code {} (then it is read as JSON first)
 */
record FrontMatter(int start, int end, int firstLine, String body, boolean json) {

    private static final char BOM = '\uFEFF';

    static FrontMatter locate(final String text) {
        final int begin = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
        final int firstLineEnd = lineEnd(text, begin);
        if (!isFence(text, begin, firstLineEnd, '-')) {
            return new FrontMatter(begin, text.length(), 0, null, startsWithBrace(text, begin, text.length()));
        }
        final int start = nextLine(text, firstLineEnd);
        int line = start;
        while (line < text.length()) {
            final int end = lineEnd(text, line);
            if (isFence(text, line, end, '-') || isFence(text, line, end, '.')) {
                final String body = text.substring(nextLine(text, end)).strip();
                return new FrontMatter(
                        start, line, 1, body.isEmpty() ? null : body, startsWithBrace(text, start, line));
            }
            line = nextLine(text, end);
        }
        return new FrontMatter(start, text.length(), 1, null, startsWithBrace(text, start, text.length()));
    }

    boolean isBlank(final String text) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Index of the '\n' ending the line that starts at {@code from}, or the text's length. */
    private static int lineEnd(final String text, final int from) {
        final int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static int nextLine(final String text, final int lineEnd) {
        return Math.min(text.length(), lineEnd + 1);
    }

    /** {@code ---} (or {@code ...}) alone on its line, trailing blanks and '\r' allowed. */
    private static boolean isFence(final String text, final int from, final int to, final char mark) {
        if (to - from < 3) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) != mark) {
                return false;
            }
        }
        for (int i = from + 3; i < to; i++) {
            final char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithBrace(final String text, final int from, final int to) {
        for (int i = from; i < to; i++) {
            final char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }
}
