package io.heatwire.article.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * Parses raw article documents (SPEC 3–4): UTF-8 front matter, bare YAML or JSON, into a
 * {@link ParsedArticle}, or rejects them with a stable {@link ErrorCode}.
 *
 * <p>Each document is decoded once and parsed once, as a token stream, into plain values; YAML tags
 * never construct anything and other tags than the core schema's are refused. Limits
 * ({@link ParseLimits}) are enforced while reading, the size before anything is decoded. Instances
 * are immutable and thread-safe.
 */
public final class ArticleParser {

    private static final int MAX_MESSAGE_LENGTH = 300;

    private final ParseLimits limits;
    private final TokenStreamFactory yamlFactory;
    private final TokenStreamFactory jsonFactory;

    public ArticleParser(final ParseLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        final StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                // Decimal-to-binary conversion of huge numbers is quadratic; no field needs more.
                .maxNumberLength(100)
                .build();
        final LoadSettings loadSettings = LoadSettings.builder()
                .setCodePointLimit(limits.maxDocumentBytes())
                .setMaxAliasesForCollections(Math.max(1, limits.maxAliases()))
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setParseComments(false)
                .build();
        this.yamlFactory = new EventAwareYamlFactory(YAMLFactory.builder()
                .loadSettings(loadSettings)
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLReadFeature.EMPTY_DOCUMENT_AS_EMPTY_OBJECT)
                // "" is an empty string, not null, as in JSON.
                .disable(YAMLReadFeature.EMPTY_STRING_AS_NULL));
        this.jsonFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public ParseLimits limits() {
        return limits;
    }

    /**
     * Parses one document.
     *
     * @throws RejectedDocumentException when the document cannot become an article; its code and
     *                                   message go to the dead-letter topic
     */
    public ParsedArticle parse(final byte[] document) throws RejectedDocumentException {
        Objects.requireNonNull(document, "document");
        if (document.length > limits.maxDocumentBytes()) {
            throw new RejectedDocumentException(
                    ErrorCode.TOO_LARGE,
                    "the document has " + document.length + " bytes, more than " + limits.maxDocumentBytes() + " ("
                            + ParseLimits.MAX_DOCUMENT_BYTES + ")");
        }
        final String text = decodeUtf8(document);
        final FrontMatter frontMatter = FrontMatter.locate(text);
        if (frontMatter.isBlank(text)) {
            throw new RejectedDocumentException(ErrorCode.NOT_A_MAPPING, "the document is empty");
        }
        final ArticleMapper mapper = new ArticleMapper(limits);
        final Map<String, Object> root =
                frontMatter.json() ? readJsonOrYaml(text, frontMatter, mapper) : readYaml(text, frontMatter, mapper);
        return mapper.map(root, frontMatter.body());
    }

    /** JSON is read by the faster JSON parser; a flow-style YAML mapping also starts with a brace. */
    private Map<String, Object> readJsonOrYaml(
            final String text, final FrontMatter frontMatter, final ArticleMapper mapper)
            throws RejectedDocumentException {
        try {
            return read(jsonFactory, text, frontMatter);
        } catch (RejectedDocumentException notJson) {
            if (notJson.code() != ErrorCode.YAML_SYNTAX) {
                throw notJson;
            }
            try {
                return readYaml(text, frontMatter, mapper);
            } catch (RejectedDocumentException notYaml) {
                throw notYaml.code() == ErrorCode.YAML_SYNTAX ? notJson : notYaml;
            }
        }
    }

    /**
     * YAML forbids C1 control characters, which text read as Windows-1252 by a lenient decoder
     * carries; those mojibake sequences are repaired before the YAML parser sees them (JSON allows
     * the controls, so a JSON document is left to the per-field repair). Any other C1 control is
     * still a syntax error. Lines stay where they are; columns after a repair on the same line shift.
     */
    private Map<String, Object> readYaml(final String text, final FrontMatter frontMatter, final ArticleMapper mapper)
            throws RejectedDocumentException {
        final int c1 = TextNormalizer.indexOfC1Control(text, frontMatter.start(), frontMatter.end());
        if (c1 < 0) {
            return read(yamlFactory, text, frontMatter);
        }
        final String region = text.substring(frontMatter.start(), frontMatter.end());
        final String repaired = TextNormalizer.repairMojibakeWithC1Controls(region);
        if (repaired == region) {
            return read(yamlFactory, text, frontMatter);
        }
        final int repairedLine = frontMatter.firstLine() + line(region, firstDifference(region, repaired));
        mapper.warn(
                WarningKind.MOJIBAKE_REPAIRED,
                ArticleMapper.DOCUMENT_FIELD,
                "UTF-8 text read as Windows-1252, with C1 control characters, was repaired before parsing (line "
                        + repairedLine + ")");
        return read(
                yamlFactory,
                repaired,
                new FrontMatter(0, repaired.length(), frontMatter.firstLine(), frontMatter.body(), frontMatter.json()));
    }

    /** 1-based line of {@code index} in {@code text}. */
    private static int line(final String text, final int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstDifference(final String a, final String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private Map<String, Object> read(final TokenStreamFactory factory, final String text, final FrontMatter frontMatter)
            throws RejectedDocumentException {
        try (JsonParser parser = factory.createParser(
                ObjectReadContext.empty(), new StringRegionReader(text, frontMatter.start(), frontMatter.end()))) {
            return new DocumentReader(parser, limits, frontMatter.firstLine()).readRootMapping();
        } catch (StreamConstraintsException e) {
            throw constraintExceeded(e, frontMatter.firstLine());
        } catch (JacksonException e) {
            final TokenStreamLocation location = e.getLocation();
            throw new RejectedDocumentException(
                    ErrorCode.YAML_SYNTAX,
                    summary(e.getOriginalMessage()),
                    line(location, frontMatter.firstLine()),
                    column(location),
                    null);
        }
    }

    private RejectedDocumentException constraintExceeded(final StreamConstraintsException e, final int lineOffset) {
        final String message = String.valueOf(e.getOriginalMessage());
        final String property;
        if (message.contains("nesting depth")) {
            property = ParseLimits.MAX_NESTING_DEPTH + ", at most " + limits.maxNestingDepth();
        } else if (message.contains("length")) {
            property = ParseLimits.MAX_STRING_LENGTH + ", at most " + limits.maxStringLength();
        } else {
            property = ParseLimits.PREFIX + "*";
        }
        final TokenStreamLocation location = e.getLocation();
        return new RejectedDocumentException(
                ErrorCode.LIMIT_EXCEEDED,
                "limit exceeded: " + summary(message) + " (" + property + ")",
                line(location, lineOffset),
                column(location),
                null);
    }

    /**
     * Strict UTF-8. The JDK's lenient decoder is much faster and replaces malformed input with
     * U+FFFD, so the strict decoder only runs when that character shows up (or really is there).
     */
    private static String decodeUtf8(final byte[] document) throws RejectedDocumentException {
        final String text = new String(document, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(document));
            } catch (CharacterCodingException e) {
                throw new RejectedDocumentException(ErrorCode.NOT_UTF8, "the document is not valid UTF-8");
            }
        }
        return text;
    }

    /**
     * The first lines of a parser message without the excerpt of the document that SnakeYAML adds
     * (indented lines), so no document content such as {@code secured} reaches logs or headers.
     */
    static String summary(final String message) {
        if (message == null || message.isBlank()) {
            return "malformed document";
        }
        final StringBuilder out = new StringBuilder();
        for (final String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("at [Source")) {
                if (out.length() > 0) {
                    out.append("; ");
                }
                out.append(line.strip());
            }
        }
        final String summary = out.length() == 0 ? "malformed document" : out.toString();
        return summary.length() > MAX_MESSAGE_LENGTH ? summary.substring(0, MAX_MESSAGE_LENGTH) + "…" : summary;
    }

    private static int line(final TokenStreamLocation location, final int lineOffset) {
        return location == null || location.getLineNr() <= 0
                ? RejectedDocumentException.UNKNOWN
                : location.getLineNr() + lineOffset;
    }

    private static int column(final TokenStreamLocation location) {
        return location == null || location.getColumnNr() <= 0
                ? RejectedDocumentException.UNKNOWN
                : location.getColumnNr();
    }
}
