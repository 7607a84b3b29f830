package io.heatwire.article.parse;

import java.util.Objects;

/**
 * A document that cannot become an article: it goes to the dead-letter topic with {@link #code()}
 * and {@link #getMessage()} (SPEC 4). Messages never quote document content beyond a key name, so
 * they are safe to log and to put in record headers.
 */
public final class RejectedDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Line or column when the position is unknown. */
    public static final int UNKNOWN = -1;

    private final ErrorCode code;
    private final int line;
    private final int column;

    public RejectedDocumentException(final ErrorCode code, final String message) {
        this(code, message, UNKNOWN, UNKNOWN, null);
    }

    public RejectedDocumentException(
            final ErrorCode code, final String message, final int line, final int column, final Throwable cause) {
        // No stack trace: rejections are expected data, not bugs, and are frequent under attack.
        super(message, cause, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.line = line;
        this.column = column;
    }

    public ErrorCode code() {
        return code;
    }

    /** 1-based line of the problem in the document, or {@link #UNKNOWN}. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem in the document, or {@link #UNKNOWN}. */
    public int column() {
        return column;
    }
}
