package io.heatwire.ingest.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The cheap local checks a document passes before it is published. They look at bytes and the first
 * meaningful line only; full YAML parsing happens once, in enrich-service.
 *
 * <p>Sizes are checked before anything is read, so a huge file or body never reaches memory.
 */
public final class DocumentChecks {

    public static final String LIMIT_PROPERTY = "heatwire.ingest.max-document-bytes";

    private static final char BOM = '\uFEFF';

    private final long maxBytes;

    public DocumentChecks(long maxBytes) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Checks a declared size (a file's size, a Content-Length) before reading.
     *
     * @param subject how the message names the document, for example {@code "file"} or {@code "body"}
     */
    public Optional<Rejection> checkSize(long size, String subject) {
        if (size == 0) {
            return Optional.of(new Rejection(RejectionCode.EMPTY, subject + " is empty"));
        }
        if (size > maxBytes) {
            return Optional.of(new Rejection(
                    RejectionCode.TOO_LARGE,
                    String.format(
                            Locale.ROOT,
                            "%s is %d bytes, over the %d-byte limit (%s)",
                            subject,
                            size,
                            maxBytes,
                            LIMIT_PROPERTY)));
        }
        return Optional.empty();
    }

    /** Reads a file only when its size is within the limit, then checks its content. */
    public CheckResult read(Path file) throws IOException {
        final Optional<Rejection> bySize = checkSize(Files.size(file), "file");
        if (bySize.isPresent()) {
            return new CheckResult.Rejected(bySize.get());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, "file");
        }
    }

    /** Reads at most limit + 1 bytes from a stream of unknown length, then checks the content. */
    public CheckResult read(InputStream in, String subject) throws IOException {
        final byte[] bytes = in.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            return new CheckResult.Rejected(new Rejection(
                    RejectionCode.TOO_LARGE,
                    String.format(
                            Locale.ROOT, "%s is over the %d-byte limit (%s)", subject, maxBytes, LIMIT_PROPERTY)));
        }
        return check(bytes, subject);
    }

    /** Checks bytes already in memory. */
    public CheckResult check(byte[] bytes, String subject) {
        final Optional<Rejection> rejection = inspect(bytes, subject);
        return rejection.<CheckResult>map(CheckResult.Rejected::new).orElseGet(() -> new CheckResult.Accepted(bytes));
    }

    private Optional<Rejection> inspect(byte[] bytes, String subject) {
        final Optional<Rejection> bySize = checkSize(bytes.length, subject);
        if (bySize.isPresent()) {
            return bySize;
        }
        // Control bytes first: a binary file is usually also invalid UTF-8, and BINARY is the better answer.
        final int control = firstControlByte(bytes);
        if (control >= 0) {
            return Optional.of(new Rejection(
                    RejectionCode.BINARY,
                    String.format(
                            Locale.ROOT,
                            "%s contains the control byte 0x%02x at offset %d: this is a binary file, not a text document",
                            subject,
                            bytes[control] & 0xff,
                            control)));
        }
        final CharBuffer text = CharBuffer.allocate(bytes.length);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        final CoderResult result = decoder.decode(in, text, true);
        if (result.isError()) {
            return Optional.of(new Rejection(
                    RejectionCode.NOT_UTF8,
                    String.format(
                            Locale.ROOT,
                            "%s is not valid UTF-8 (invalid byte sequence at offset %d)",
                            subject,
                            in.position())));
        }
        text.flip();
        return checkShape(text, subject);
    }

    /** Bytes below 0x20 other than tab, LF and CR, and DEL; they never occur inside a UTF-8 sequence. */
    private static int firstControlByte(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            final int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Rejection> checkShape(CharBuffer text, String subject) {
        int start = text.length() > 0 && text.charAt(0) == BOM ? 1 : 0;
        int lineNumber = 0;
        while (start < text.length()) {
            lineNumber++;
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n') {
                end++;
            }
            final String line = text.subSequence(start, end).toString().stripTrailing();
            start = end + 1;
            final String content = line.stripLeading();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            if (isDocumentStart(line) || content.startsWith("{") || looksLikeMappingKey(content)) {
                return Optional.empty();
            }
            // The reason names the line, never its text: reasons end up in logs and .error files.
            return Optional.of(new Rejection(
                    RejectionCode.NOT_A_DOCUMENT,
                    String.format(
                            Locale.ROOT,
                            "%s does not look like an article: line %d is neither a '---' front-matter fence, "
                                    + "a 'key:' YAML mapping line nor the '{' of a JSON object",
                            subject,
                            lineNumber)));
        }
        return Optional.of(
                new Rejection(RejectionCode.EMPTY, subject + " has no content, only blank lines or comments"));
    }

    private static boolean isDocumentStart(String line) {
        return line.equals("---") || line.startsWith("--- ") || line.startsWith("---\t");
    }

    /** A YAML block-mapping key: a quoted or plain scalar followed by ':' and a space or the line end. */
    static boolean looksLikeMappingKey(String content) {
        final char first = content.charAt(0);
        if (first == '"' || first == '\'') {
            final int close = closingQuote(content, first);
            if (close < 0) {
                return false;
            }
            final String rest = content.substring(close + 1).stripLeading();
            return rest.startsWith(":") && (rest.length() == 1 || Character.isWhitespace(rest.charAt(1)));
        }
        if ("-?:".indexOf(first) >= 0) {
            // These start a plain scalar only when followed by a non-space ("- item" is a sequence).
            if (content.length() < 2 || Character.isWhitespace(content.charAt(1))) {
                return false;
            }
        } else if (",[]{}#&*!|>%@`".indexOf(first) >= 0) {
            return false;
        }
        return indexOfMappingColon(content) > 0;
    }

    private static int closingQuote(String content, char quote) {
        for (int i = 1; i < content.length(); i++) {
            final char c = content.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < content.length() && content.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int indexOfMappingColon(String content) {
        for (int i = 1; i < content.length(); i++) {
            final char c = content.charAt(i);
            if (c == '#' && Character.isWhitespace(content.charAt(i - 1))) {
                return -1;
            }
            if (c == ':' && (i + 1 == content.length() || Character.isWhitespace(content.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }
}
