package io.heatwire.article.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile, malformed and edge-case documents (SPEC 3, 4, 13), each with its expected outcome: a
 * rejection code, or acceptance with exactly the listed warning kinds. The timeout is a hang guard,
 * not a speed test.
 */
class MalformedDocumentCorpusTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private final ArticleParser parser = new ArticleParser(ParseLimits.defaults());

    /** A corpus entry: {@code code} is null when the document must be accepted. */
    record Case(String name, Supplier<byte[]> document, ErrorCode code, List<WarningKind> warnings) {

        static Case rejected(final String name, final Supplier<byte[]> document, final ErrorCode code) {
            return new Case(name, document, code, List.of());
        }

        static Case accepted(final String name, final Supplier<byte[]> document, final WarningKind... warnings) {
            return new Case(name, document, null, List.of(warnings));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // Resource attacks
                Case.rejected("billion laughs", resource("billion-laughs.yaml"), ErrorCode.LIMIT_EXCEEDED),
                Case.rejected(
                        "alias expansion larger than a document",
                        MalformedDocumentCorpusTest::aliasAmplification,
                        ErrorCode.LIMIT_EXCEEDED),
                Case.rejected(
                        "deep flow nesting",
                        () -> doc("x: " + "[".repeat(50_000) + "]".repeat(50_000)),
                        ErrorCode.LIMIT_EXCEEDED),
                Case.rejected(
                        "deep block nesting", MalformedDocumentCorpusTest::deepBlockNesting, ErrorCode.LIMIT_EXCEEDED),
                Case.rejected(
                        "deep JSON nesting",
                        () -> utf8("{\"x\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}"),
                        ErrorCode.LIMIT_EXCEEDED),
                Case.rejected("huge related list", () -> related(1_001), ErrorCode.LIMIT_EXCEEDED),
                Case.rejected(
                        "huge string",
                        () -> ArticleDocument.valid()
                                .with("excerpt", "\"" + "x".repeat(200_000) + "\"")
                                .bytes(),
                        ErrorCode.LIMIT_EXCEEDED),
                Case.rejected(
                        "huge number",
                        () -> ArticleDocument.valid()
                                .with("views", "9".repeat(5_000))
                                .bytes(),
                        ErrorCode.LIMIT_EXCEEDED),
                Case.rejected(
                        "more than a MiB",
                        () -> ArticleDocument.valid()
                                .body("x".repeat(1024 * 1024))
                                .bytes(),
                        ErrorCode.TOO_LARGE),
                // Encoding
                Case.rejected("invalid UTF-8", resource("invalid-utf8.txt"), ErrorCode.NOT_UTF8),
                Case.rejected("random binary", resource("binary.bin"), ErrorCode.NOT_UTF8),
                Case.rejected("NUL bytes", () -> new byte[64], ErrorCode.YAML_SYNTAX),
                Case.rejected(
                        "truncated UTF-8 at the end",
                        () -> concat(ArticleDocument.valid().bytes(), new byte[] {(byte) 0xE2, (byte) 0x80}),
                        ErrorCode.NOT_UTF8),
                // Tags never construct anything and are refused
                Case.rejected("java type tags", resource("java-tag.yaml"), ErrorCode.UNSUPPORTED_TAG),
                Case.rejected("python tag", resource("python-tag.yaml"), ErrorCode.UNSUPPORTED_TAG),
                Case.rejected("custom local tag", resource("custom-tag.yaml"), ErrorCode.UNSUPPORTED_TAG),
                Case.rejected(
                        "binary tag",
                        () -> ArticleDocument.valid()
                                .with("blob", "!!binary aGVsbG8=")
                                .bytes(),
                        ErrorCode.UNSUPPORTED_TAG),
                Case.accepted(
                        "core str tag",
                        () -> ArticleDocument.valid()
                                .with("title", "!!str 2024")
                                .bytes()),
                // Shape
                Case.rejected("empty document", resource("empty.txt"), ErrorCode.NOT_A_MAPPING),
                Case.rejected("whitespace only", () -> utf8(" \n\t\n"), ErrorCode.NOT_A_MAPPING),
                Case.rejected("only an opening fence", resource("only-fence.txt"), ErrorCode.NOT_A_MAPPING),
                Case.rejected("two fences, nothing between", () -> utf8("---\n---\nbody\n"), ErrorCode.NOT_A_MAPPING),
                Case.rejected("comment only", () -> utf8("---\n# nothing\n---\n"), ErrorCode.NOT_A_MAPPING),
                Case.rejected("sequence root", resource("sequence-root.yaml"), ErrorCode.NOT_A_MAPPING),
                Case.rejected("scalar root", () -> utf8("just some text\n"), ErrorCode.NOT_A_MAPPING),
                Case.rejected("JSON array root", () -> utf8("[{\"title\": \"t\"}]"), ErrorCode.NOT_A_MAPPING),
                // Syntax
                Case.rejected(
                        "YAML syntax error",
                        () -> utf8("---\ntitle: \"t\"\nwebUrl: a: b\n---\n"),
                        ErrorCode.YAML_SYNTAX),
                Case.rejected(
                        "unclosed flow sequence",
                        () -> ArticleDocument.valid().with("topics", "[AI, CV").bytes(),
                        ErrorCode.YAML_SYNTAX),
                Case.rejected("truncated JSON", () -> utf8("{\"title\": \"t\", \"webUrl\": "), ErrorCode.YAML_SYNTAX),
                Case.rejected(
                        "duplicate key",
                        () -> utf8(ArticleDocument.valid().text().replace("quality: 50", "quality: 50\nquality: 60")),
                        ErrorCode.YAML_SYNTAX),
                Case.rejected(
                        "undefined alias",
                        () -> ArticleDocument.valid().with("extra", "*nowhere").bytes(),
                        ErrorCode.YAML_SYNTAX),
                Case.rejected(
                        "self-containing alias",
                        () -> ArticleDocument.valid().with("loop", "&a [*a]").bytes(),
                        ErrorCode.YAML_SYNTAX),
                Case.rejected(
                        "second unfenced document",
                        () -> utf8(ArticleDocument.valid().bare().text() + "---\nmore: yes\n"),
                        ErrorCode.YAML_SYNTAX),
                // Required fields
                Case.rejected(
                        "missing url",
                        () -> ArticleDocument.valid().without("webUrl").bytes(),
                        ErrorCode.MISSING_URL),
                Case.rejected(
                        "unusable urls",
                        () -> ArticleDocument.valid()
                                .with("webUrl", "\"ftp://example.com/a\"")
                                .with("originalUrl", "\"not a url\"")
                                .bytes(),
                        ErrorCode.MISSING_URL),
                Case.accepted(
                        "original url when web url is missing",
                        () -> ArticleDocument.valid()
                                .without("webUrl")
                                .with("originalUrl", "\"https://example.com/original\"")
                                .bytes()),
                Case.accepted(
                        "amp url as last resort",
                        () -> ArticleDocument.valid()
                                .with("webUrl", "\"javascript:x\"")
                                .with("ampWebUrl", "\"https://example.com/amp/a\"")
                                .bytes(),
                        WarningKind.URL_INVALID),
                Case.rejected(
                        "missing title",
                        () -> ArticleDocument.valid().without("title").bytes(),
                        ErrorCode.MISSING_TITLE),
                Case.rejected(
                        "null title",
                        () -> ArticleDocument.valid().with("title", "null").bytes(),
                        ErrorCode.MISSING_TITLE),
                Case.rejected(
                        "blank title",
                        () -> ArticleDocument.valid()
                                .with("title", "\"  \\t \"")
                                .bytes(),
                        ErrorCode.MISSING_TITLE),
                Case.rejected(
                        "title is a mapping",
                        () -> ArticleDocument.valid().with("title", "{a: b}").bytes(),
                        ErrorCode.MISSING_TITLE),
                Case.rejected(
                        "missing date",
                        () -> ArticleDocument.valid()
                                .without("publishedDateTime")
                                .bytes(),
                        ErrorCode.BAD_DATE),
                Case.rejected(
                        "unparseable date",
                        () -> ArticleDocument.valid()
                                .with("publishedDateTime", "\"last Tuesday\"")
                                .bytes(),
                        ErrorCode.BAD_DATE),
                Case.rejected(
                        "epoch number date",
                        () -> ArticleDocument.valid()
                                .with("publishedDateTime", "1700000000")
                                .bytes(),
                        ErrorCode.BAD_DATE),
                // Accepted framings
                Case.accepted("bare YAML", () -> ArticleDocument.valid().bare().bytes()),
                Case.accepted("JSON object", resource("article.json")),
                Case.accepted("BOM and CRLF", resource("bom-crlf.txt")),
                Case.accepted("CRLF", () -> ArticleDocument.valid().crlf().bytes()),
                Case.accepted(
                        "trailing body",
                        () -> ArticleDocument.valid()
                                .body("Body text\n---\nmore\n")
                                .bytes()),
                Case.accepted(
                        "no closing fence",
                        () -> utf8(ArticleDocument.valid().text().replaceFirst("---\n$", ""))),
                Case.accepted(
                        "unknown fields",
                        () -> ArticleDocument.valid()
                                .with("futureField", "{a: [1, 2]}")
                                .bytes()),
                Case.accepted(
                        "flow-style YAML mapping",
                        () -> utf8("{title: t, webUrl: 'https://example.com/a',"
                                + " publishedDateTime: 2024-01-01T00:00:00Z}")),
                Case.accepted(
                        "a few aliases",
                        () -> ArticleDocument.valid()
                                .with("base", "&b {x: 1}")
                                .with("copies", "[*b, *b, *b]")
                                .bytes()),
                Case.accepted("only front matter", resource("only-front-matter.txt")),
                // Field-level problems
                Case.accepted(
                        "quality above 100",
                        () -> ArticleDocument.valid().with("quality", "150").bytes(),
                        WarningKind.QUALITY_INVALID),
                Case.accepted(
                        "negative quality",
                        () -> ArticleDocument.valid().with("quality", "-1").bytes(),
                        WarningKind.QUALITY_INVALID),
                Case.accepted(
                        "fractional quality",
                        () -> ArticleDocument.valid().with("quality", "50.5").bytes(),
                        WarningKind.QUALITY_INVALID),
                Case.accepted(
                        "quality as a word",
                        () -> ArticleDocument.valid().with("quality", "high").bytes(),
                        WarningKind.QUALITY_INVALID),
                Case.accepted(
                        "date without zone",
                        () -> ArticleDocument.valid()
                                .with("publishedDateTime", "2024-03-01T10:00:00")
                                .bytes(),
                        WarningKind.DATE_WITHOUT_ZONE),
                Case.accepted(
                        "related without url",
                        () -> ArticleDocument.valid()
                                .relatedRaw("  - title: \"no url\"")
                                .relatedTo("https://other.example.org/b")
                                .bytes(),
                        WarningKind.RELATED_WITHOUT_URL),
                Case.accepted(
                        "related entry not a mapping",
                        () -> ArticleDocument.valid()
                                .relatedRaw("  - just text")
                                .bytes(),
                        WarningKind.RELATED_INVALID),
                Case.accepted(
                        "self-reference",
                        () -> ArticleDocument.valid()
                                .relatedTo("http://example.com/news/a/")
                                .bytes()),
                Case.accepted("related list at the limit", () -> related(1_000)),
                Case.accepted(
                        "invalid images",
                        () -> ArticleDocument.valid()
                                .with(
                                        "images",
                                        "\n  - url: \"https://img.example.com/a.jpg\"\n    width: wide\n  - width: 3\n  - url: \"https://img.example.com/b.jpg\"")
                                .bytes(),
                        WarningKind.IMAGE_INVALID,
                        WarningKind.IMAGE_INVALID),
                Case.accepted(
                        "mojibake",
                        () -> ArticleDocument.valid()
                                .with("title", "\"It isnâ€™t\"")
                                .bytes(),
                        WarningKind.MOJIBAKE_REPAIRED),
                // C1 controls (SPEC 4): forbidden in YAML, repaired first when they are part of mojibake
                Case.accepted(
                        "mojibake with a C1 control",
                        () -> ArticleDocument.valid()
                                .with("title", "\"Ã\u0081lvaro says \u201Cyesâ€\u009D\"")
                                .bytes(),
                        WarningKind.MOJIBAKE_REPAIRED),
                Case.accepted(
                        "mojibake with C1 controls and without",
                        () -> ArticleDocument.valid()
                                .with("title", "\"The â€œrightâ€\u009D quote\"")
                                .with("excerpt", "\"isnâ\u0080\u0099t\"")
                                .bytes(),
                        WarningKind.MOJIBAKE_REPAIRED,
                        WarningKind.MOJIBAKE_REPAIRED),
                Case.accepted(
                        "mojibake with C1 controls in JSON",
                        () -> utf8(
                                "{\"title\": \"Ã\u0081lvaro\", "
                                        + "\"webUrl\": \"https://example.com/a\", \"publishedDateTime\": \"2024-01-01T00:00:00Z\"}"),
                        WarningKind.MOJIBAKE_REPAIRED),
                Case.rejected(
                        "lone C1 control",
                        () -> ArticleDocument.valid()
                                .with("title", "\"a \u009D b\"")
                                .bytes(),
                        ErrorCode.YAML_SYNTAX),
                Case.rejected(
                        "lone C1 control beside repairable mojibake",
                        () -> ArticleDocument.valid()
                                .with("title", "\"â€\u009D\"")
                                .with("excerpt", "\"\u0081\"")
                                .bytes(),
                        ErrorCode.YAML_SYNTAX),
                Case.rejected(
                        "lone C1 control in plain YAML",
                        () -> ArticleDocument.valid()
                                .with("category", "news\u0080")
                                .bytes(),
                        ErrorCode.YAML_SYNTAX),
                Case.accepted(
                        "mojibake with NEL, which YAML allows, repaired in its field",
                        () -> ArticleDocument.valid()
                                .with("title", "\"Ã\u0085ngstrÃ¶m\"")
                                .bytes(),
                        WarningKind.MOJIBAKE_REPAIRED),
                Case.accepted(
                        "secured is a mapping",
                        () -> ArticleDocument.valid().with("secured", "{a: 1}").bytes(),
                        WarningKind.FIELD_INVALID),
                Case.accepted(
                        "heat is ignored",
                        () -> ArticleDocument.valid().with("heat", "-1").bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldRejectOrAcceptAsExpectedWithoutHanging(final Case testCase) {
        final byte[] document = testCase.document().get();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            if (testCase.code() != null) {
                final RejectedDocumentException rejection =
                        catchThrowableOfType(RejectedDocumentException.class, () -> parser.parse(document));
                assertThat(rejection).as("rejection").isNotNull();
                assertThat(rejection.code()).as(rejection.getMessage()).isEqualTo(testCase.code());
                assertThat(rejection.getMessage()).isNotBlank().hasSizeLessThan(400);
            } else {
                final ParsedArticle article = parser.parse(document);
                assertThat(article.warnings())
                        .extracting(Warning::kind)
                        .containsExactlyInAnyOrderElementsOf(testCase.warnings());
            }
        });
    }

    @org.junit.jupiter.api.Test
    void shouldCoverAtLeastThirtyCases() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }

    private static byte[] aliasAmplification() {
        final StringBuilder yaml =
                new StringBuilder(ArticleDocument.valid().bare().text());
        yaml.append("big: &big \"").append("x".repeat(90_000)).append("\"\ncopies: [");
        for (int i = 0; i < 15; i++) {
            yaml.append(i == 0 ? "" : ", ").append("*big");
        }
        return utf8(yaml.append("]\n").toString());
    }

    private static byte[] deepBlockNesting() {
        final StringBuilder yaml =
                new StringBuilder(ArticleDocument.valid().bare().text());
        for (int depth = 0; depth < 40; depth++) {
            yaml.append("  ".repeat(depth)).append("level").append(depth).append(":\n");
        }
        return utf8(yaml.append("  ".repeat(40)).append("leaf: 1\n").toString());
    }

    private static byte[] related(final int count) {
        final ArticleDocument document = ArticleDocument.valid();
        for (int i = 0; i < count; i++) {
            document.relatedTo("https://other.example.org/story/" + i);
        }
        return document.bytes();
    }

    private static byte[] doc(final String extraLine) {
        return utf8(ArticleDocument.valid().bare().text() + extraLine + "\n");
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(final byte[] a, final byte[] b) {
        final byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    static Supplier<byte[]> resource(final String name) {
        return () -> {
            try (InputStream in = MalformedDocumentCorpusTest.class.getResourceAsStream("/parse/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource parse/" + name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
