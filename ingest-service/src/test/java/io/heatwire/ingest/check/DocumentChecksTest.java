package io.heatwire.ingest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentChecksTest {

    private static final int LIMIT = 1024;

    private final DocumentChecks checks = new DocumentChecks(LIMIT);

    @TempDir
    Path dir;

    @Test
    void shouldAcceptFrontMatter() {
        assertAccepted("---\ntitle: \"A\"\nwebUrl: https://example.com/a\n---\nbody\n");
    }

    @Test
    void shouldAcceptFrontMatterWithByteOrderMarkAndCrlf() {
        final byte[] bytes =
                concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8("---\r\ntitle: A\r\n---\r\n"));

        final CheckResult result = checks.check(bytes, "file");

        assertThat(result).isInstanceOf(CheckResult.Accepted.class);
        assertThat(((CheckResult.Accepted) result).bytes())
                .as("bytes are never re-encoded")
                .isSameAs(bytes);
    }

    @Test
    void shouldAcceptABareYamlMappingAfterCommentsAndBlankLines() {
        assertAccepted("# exported by crawler 7\n\n  \ntitle: A\nwebUrl: https://example.com/a\n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "title:",
                "\"quoted key\": 1",
                "'it''s': 2",
                "key.with-dots_and:colons: x",
                "webUrl:\thttps://example.com/a",
                "-dash: ok"
            })
    void shouldAcceptMappingKeyLines(String firstLine) {
        assertAccepted(firstLine + "\n");
    }

    @Test
    void shouldAcceptAJsonObject() {
        assertAccepted("\uFEFF  {\"title\": \"A\", \"webUrl\": \"https://example.com/a\"}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "just some prose",
                "- a\n- b",
                "[1, 2]",
                "\"unterminated: x",
                "http://example.com",
                "key:value",
                "----",
                "#!/bin/sh\necho hi",
                "key #: x"
            })
    void shouldRejectTextThatIsNotADocument(String text) {
        assertRejected(text + "\n", RejectionCode.NOT_A_DOCUMENT);
    }

    @Test
    void shouldNameTheLineButNotItsTextWhenRejecting() {
        final Rejection rejection = assertRejected("# comment\n\nsecret prose here\n", RejectionCode.NOT_A_DOCUMENT);

        assertThat(rejection.reason()).contains("line 3").doesNotContain("secret");
    }

    @Test
    void shouldRejectAnEmptyDocument() {
        assertThat(assertRejected("", RejectionCode.EMPTY).reason()).isEqualTo("file is empty");
    }

    @Test
    void shouldRejectADocumentOfOnlyBlanksAndComments() {
        assertRejected("\uFEFF\r\n   \n# nothing\n", RejectionCode.EMPTY);
    }

    @Test
    void shouldAcceptADocumentOfExactlyTheLimit() {
        final byte[] bytes = padded(LIMIT);

        assertThat(checks.check(bytes, "file")).isInstanceOf(CheckResult.Accepted.class);
    }

    @Test
    void shouldRejectADocumentOneByteOverTheLimitWithAClearReason() {
        final CheckResult result = checks.check(padded(LIMIT + 1), "file");

        assertThat(result)
                .isEqualTo(new CheckResult.Rejected(new Rejection(
                        RejectionCode.TOO_LARGE,
                        "file is 1025 bytes, over the 1024-byte limit (heatwire.ingest.max-document-bytes)")));
    }

    @Test
    void shouldRejectInvalidUtf8WithTheOffset() {
        final byte[] bytes = concat(utf8("title: caf"), new byte[] {(byte) 0xe9, '\n'});

        assertThat(assertRejected(bytes, RejectionCode.NOT_UTF8).reason())
                .isEqualTo("file is not valid UTF-8 (invalid byte sequence at offset 10)");
    }

    @Test
    void shouldRejectAnOverlongUtf8Encoding() {
        // 0xC0 0xAF is an overlong '/', which a lenient decoder would accept.
        assertRejected(concat(utf8("title: a"), new byte[] {(byte) 0xc0, (byte) 0xaf}), RejectionCode.NOT_UTF8);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f})
    void shouldRejectControlBytesAsBinary(int control) {
        final byte[] bytes = concat(utf8("---\ntitle: a"), new byte[] {(byte) control});

        assertThat(assertRejected(bytes, RejectionCode.BINARY).reason())
                .contains(String.format("0x%02x at offset 12", control));
    }

    @Test
    void shouldAcceptTabsAndMultiByteCharacters() {
        assertAccepted("---\ntitle:\t\"Caf\u00e9 \u2014 isn\u2019t \uD83D\uDE00\"\n---\n");
    }

    @Test
    void shouldRejectAFileBySizeBeforeReadingIt() throws IOException {
        final Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            // Sparse: costs no disk, and reading it whole would be noticed.
            file.setLength(8L * 1024 * 1024 * 1024);
        }

        final CheckResult result = checks.read(huge);

        assertThat(((CheckResult.Rejected) result).rejection().reason())
                .startsWith("file is 8589934592 bytes, over the 1024-byte limit");
    }

    @Test
    void shouldReadAFileWithinTheLimit() throws IOException {
        final byte[] bytes = utf8("---\ntitle: a\n---\n");

        final CheckResult result = checks.read(Files.write(dir.resolve("a.txt"), bytes));

        assertThat(((CheckResult.Accepted) result).bytes()).isEqualTo(bytes);
    }

    @Test
    void shouldReadAtMostOneByteOverTheLimitFromAStreamOfUnknownLength() throws IOException {
        final EndlessStream endless = new EndlessStream();

        final CheckResult result = checks.read(endless, "body");

        assertThat(((CheckResult.Rejected) result).rejection())
                .isEqualTo(new Rejection(
                        RejectionCode.TOO_LARGE,
                        "body is over the 1024-byte limit (heatwire.ingest.max-document-bytes)"));
        assertThat(endless.served).isEqualTo(LIMIT + 1);
    }

    @Test
    void shouldCheckADeclaredSize() {
        assertThat(checks.checkSize(LIMIT, "body")).isEmpty();
        assertThat(checks.checkSize(0, "body"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(RejectionCode.EMPTY));
        assertThat(checks.checkSize(LIMIT + 1L, "body"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(RejectionCode.TOO_LARGE));
    }

    private void assertAccepted(String text) {
        final CheckResult result = checks.check(utf8(text), "file");
        assertThat(result).as(text).isInstanceOf(CheckResult.Accepted.class);
    }

    private Rejection assertRejected(String text, RejectionCode code) {
        return assertRejected(utf8(text), code);
    }

    private Rejection assertRejected(byte[] bytes, RejectionCode code) {
        final CheckResult result = checks.check(bytes, "file");
        assertThat(result).isInstanceOf(CheckResult.Rejected.class);
        final Rejection rejection = ((CheckResult.Rejected) result).rejection();
        assertThat(rejection.code()).isEqualTo(code);
        return rejection;
    }

    private static byte[] padded(int size) {
        final byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        final byte[] start = utf8("---\ntitle: a\n---\n");
        System.arraycopy(start, 0, bytes, 0, start.length);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        final byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A body that never ends, counting what was taken from it. */
    private static final class EndlessStream extends InputStream {

        long served;

        @Override
        public int read() {
            served++;
            return ' ';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) ' ');
            served += length;
            return length;
        }
    }
}
