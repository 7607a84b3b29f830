package io.heatwire.article.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private final ArticleParser parser = new ArticleParser(ParseLimits.defaults());

    @Test
    void shouldKeepTextAfterTheClosingFenceAsTrimmedBody() throws Exception {
        final ParsedArticle article = parser.parse(ArticleDocument.valid()
                .body("\nFirst paragraph.\n\n---\nSecond.\n\n")
                .bytes());

        assertThat(article.body()).isEqualTo("First paragraph.\n\n---\nSecond.");
    }

    @Test
    void shouldReadBomAndCrlfAndKeepTheBody() throws Exception {
        final ParsedArticle article = parser.parse(
                MalformedDocumentCorpusTest.resource("bom-crlf.txt").get());

        assertThat(article.title()).isEqualTo("BOM and CRLF");
        assertThat(article.url()).isEqualTo("https://example.com/bom");
        assertThat(article.body()).isEqualTo("Body line one.");
    }

    @Test
    void shouldReadJsonDocumentsWithOffsetsAndNestedUnknownFields() throws Exception {
        final ParsedArticle article = parser.parse(
                MalformedDocumentCorpusTest.resource("article.json").get());

        assertThat(article.title()).isEqualTo("A JSON article");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(article.quality()).isEqualTo(70);
        assertThat(article.related())
                .singleElement()
                .extracting(RelatedEntry::url)
                .isEqualTo("https://other.example.org/r");
        assertThat(article.unknownFields()).containsOnlyKeys("extra");
        assertThat(article.unknownFields().get("extra"))
                .isEqualTo(Map.of("nested", java.util.Arrays.asList(1, 2.5, true, null)));
    }

    @Test
    void shouldParseBareYamlLikeFrontMatter() throws Exception {
        final ParsedArticle fenced = parser.parse(ArticleDocument.valid().bytes());
        final ParsedArticle bare = parser.parse(ArticleDocument.valid().bare().bytes());

        assertThat(bare).isEqualTo(fenced);
    }

    @Test
    void shouldKeepUnknownFieldsInDocumentOrderAndDropHeat() throws Exception {
        final ParsedArticle article = parser.parse(ArticleDocument.valid()
                .with("zeta", "1")
                .with("heat", "-1")
                .with("alpha", "[a, {b: null}]")
                .bytes());

        assertThat(article.unknownFields().keySet()).containsExactly("zeta", "alpha");
        assertThat(article.unknownFields().get("alpha"))
                .isEqualTo(List.of("a", java.util.Collections.singletonMap("b", null)));
        assertThatThrownBy(() -> article.unknownFields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldPassSecuredThroughUnchanged() throws Exception {
        final String secured = "  +GN8/abc==;WfwxhU2at450VxwWyctGFg==  ";
        final ParsedArticle article = parser.parse(
                ArticleDocument.valid().with("secured", "\"" + secured + "\"").bytes());

        assertThat(article.secured()).isEqualTo(secured);
        assertThat(article.toString()).doesNotContain("GN8");
    }

    @Test
    void shouldNormalizeTitleAndExcerptText() throws Exception {
        final ParsedArticle article = parser.parse(ArticleDocument.valid()
                .with("title", "\"  Tom &amp; Jerry\\n\\n  return &#8212; again \"")
                .with("excerpt", "\"a\\t\\tb\"")
                .bytes());

        assertThat(article.title()).isEqualTo("Tom & Jerry return — again");
        assertThat(article.excerpt()).isEqualTo("a b");
    }

    @Test
    void shouldRepairMojibakeWithC1ControlsBeforeTheYamlParserAndSaySo() throws Exception {
        final ParsedArticle article = parser.parse(ArticleDocument.valid()
                .with("excerpt", "\"He said â€œnoâ€\u009D.\"")
                .with("secured", "\"Ã\u0081\"")
                .bytes());

        assertThat(article.excerpt()).isEqualTo("He said \u201Cno\u201D.");
        assertThat(article.secured()).isEqualTo("\u00C1");
        assertThat(article.warnings())
                .containsExactlyInAnyOrder(
                        new Warning(
                                WarningKind.MOJIBAKE_REPAIRED,
                                "document",
                                "UTF-8 text read as Windows-1252, with C1 control characters, was repaired before parsing (line 9)"),
                        new Warning(
                                WarningKind.MOJIBAKE_REPAIRED,
                                "excerpt",
                                "UTF-8 text read as Windows-1252 was repaired"));
    }

    @Test
    void shouldStillRejectALoneC1Control() {
        final byte[] document =
                ArticleDocument.valid().with("excerpt", "\"a\u0090b\"").bytes();

        final RejectedDocumentException rejection =
                catchThrowableOfType(RejectedDocumentException.class, () -> parser.parse(document));

        assertThat(rejection.code()).isEqualTo(ErrorCode.YAML_SYNTAX);
        assertThat(rejection.getMessage()).contains("special characters are not allowed");
    }

    @Test
    void shouldReportYamlSyntaxErrorsWithLineAndColumnOfTheDocument() {
        final byte[] document =
                "---\ntitle: \"t\"\nwebUrl: a: b\n---\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        final RejectedDocumentException rejection =
                catchThrowableOfType(RejectedDocumentException.class, () -> parser.parse(document));

        assertThat(rejection.code()).isEqualTo(ErrorCode.YAML_SYNTAX);
        assertThat(rejection.line()).isEqualTo(3);
        assertThat(rejection.column()).isEqualTo(10);
        assertThat(rejection.getMessage()).isEqualTo("mapping values are not allowed here");
    }

    @Test
    void shouldNotQuoteDocumentContentInSyntaxErrors() {
        final byte[] document = ("---\ntitle: \"t\"\nsecured: \"TOPSECRET\": x\n---\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        final RejectedDocumentException rejection =
                catchThrowableOfType(RejectedDocumentException.class, () -> parser.parse(document));

        assertThat(rejection.code()).isEqualTo(ErrorCode.YAML_SYNTAX);
        assertThat(rejection.getMessage()).doesNotContain("TOPSECRET");
    }

    @Test
    void shouldNameTheLimitAndItsPropertyWhenALimitIsExceeded() {
        final ArticleParser strict =
                new ArticleParser(ParseLimits.defaults().withMaxRelated(2).withMaxAliases(0));

        final RejectedDocumentException related = catchThrowableOfType(
                RejectedDocumentException.class,
                () -> strict.parse(ArticleDocument.valid()
                        .relatedTo("https://a.example/1")
                        .relatedTo("https://a.example/2")
                        .relatedTo("https://a.example/3")
                        .bytes()));
        final RejectedDocumentException aliases = catchThrowableOfType(
                RejectedDocumentException.class,
                () -> strict.parse(ArticleDocument.valid()
                        .with("a", "&x 1")
                        .with("b", "*x")
                        .bytes()));
        final RejectedDocumentException depth = catchThrowableOfType(
                RejectedDocumentException.class,
                () -> parser.parse(ArticleDocument.valid()
                        .with("deep", "[".repeat(40) + "]".repeat(40))
                        .bytes()));
        final RejectedDocumentException size = catchThrowableOfType(
                RejectedDocumentException.class,
                () -> new ArticleParser(ParseLimits.defaults().withMaxDocumentBytes(10))
                        .parse(ArticleDocument.valid().bytes()));

        assertThat(related.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(related.getMessage()).contains("related").contains(ParseLimits.MAX_RELATED);
        assertThat(related.line()).isPositive();
        assertThat(aliases.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(aliases.getMessage()).contains("alias").contains(ParseLimits.MAX_ALIASES);
        assertThat(depth.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(depth.getMessage()).contains("nesting depth").contains(ParseLimits.MAX_NESTING_DEPTH);
        assertThat(size.code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(size.getMessage()).contains(ParseLimits.MAX_DOCUMENT_BYTES);
    }

    @Test
    void shouldExpandAliasesWithinLimits() throws Exception {
        final ParsedArticle article = parser.parse(ArticleDocument.valid()
                .with("word", "&w hello")
                .with("words", "[*w, *w]")
                .bytes());

        assertThat(article.unknownFields().get("words")).isEqualTo(List.of("hello", "hello"));
    }

    @Test
    void shouldRejectTagsWithoutConstructingAnything() {
        final RejectedDocumentException rejection = catchThrowableOfType(
                RejectedDocumentException.class,
                () -> parser.parse(
                        MalformedDocumentCorpusTest.resource("java-tag.yaml").get()));

        assertThat(rejection.code()).isEqualTo(ErrorCode.UNSUPPORTED_TAG);
        assertThat(rejection.line()).isEqualTo(2);
    }

    @Test
    void shouldReadDatesWithOffsetsZonesAndSpaces() throws Exception {
        assertThat(parser.parse(ArticleDocument.valid()
                                .with("publishedDateTime", "2024-03-01T10:00:00+02:00")
                                .bytes())
                        .publishedAt())
                .isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
        assertThat(parser.parse(ArticleDocument.valid()
                                .with("publishedDateTime", "\"2024-03-01 10:00:00Z\"")
                                .bytes())
                        .publishedAt())
                .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        final ParsedArticle dateOnly = parser.parse(
                ArticleDocument.valid().with("publishedDateTime", "2024-03-01").bytes());
        assertThat(dateOnly.publishedAt()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(dateOnly.warnings()).extracting(Warning::kind).containsExactly(WarningKind.DATE_WITHOUT_ZONE);
    }

    @Test
    void shouldKeepRelatedEntriesWithTheirOwnFieldsAndWarnings() throws Exception {
        final ParsedArticle article =
                parser.parse(ArticleDocument.valid().relatedRaw("""
                  - title: "Other"
                    publishedDateTime: "yesterday"
                    ampWebUrl: "https://other.example.org/x.amp.html"
                    quality: 101
                    provider: {name: Other, domain: other.example.org}
                    images:
                      - url: "https://img.example.org/1.jpg"
                        width: 10
                        height: 20""").bytes());

        assertThat(article.related()).singleElement().satisfies(entry -> {
            assertThat(entry.url()).isEqualTo("https://other.example.org/x.amp.html");
            assertThat(entry.publishedAt()).isNull();
            assertThat(entry.quality()).isNull();
            assertThat(entry.provider()).isEqualTo(new Provider("Other", "other.example.org"));
            assertThat(entry.images()).containsExactly(new Image("https://img.example.org/1.jpg", 10, 20, null));
        });
        assertThat(article.warnings())
                .extracting(Warning::kind, Warning::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(WarningKind.DATE_INVALID, "related[0].publishedDateTime"),
                        org.assertj.core.groups.Tuple.tuple(WarningKind.QUALITY_INVALID, "related[0].quality"));
    }
}
