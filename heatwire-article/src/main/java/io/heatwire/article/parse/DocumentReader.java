package io.heatwire.article.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads one YAML or JSON document into plain, unmodifiable Java values (String, Number, Boolean,
 * null, List, Map), never into application types: a tag can name any class it likes, nothing is
 * constructed from it. Limits are checked token by token, so an oversized construct is refused as
 * soon as it crosses its limit.
 */
final class DocumentReader {

    /** YAML core schema tags; any other explicit tag is refused rather than silently ignored. */
    private static final Set<String> CORE_TAGS = Set.of(
            "!",
            "tag:yaml.org,2002:str",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:null",
            "tag:yaml.org,2002:map",
            "tag:yaml.org,2002:seq");

    private static final int MAX_TAG_IN_MESSAGE = 60;

    private record Anchored(Object value, long weight) {}

    private final JsonParser parser;
    private final EventAwareYamlParser yaml;
    private final ParseLimits limits;
    private final int lineOffset;
    private Map<String, Anchored> anchors;
    private int aliases;
    private long aliasWeight;
    /** Size of what has been read, aliases counted as expanded: one per node plus string lengths. */
    private long weight;

    /**
     * @param lineOffset lines before the parsed region in the document, so positions in messages
     *                   refer to the document the producer sent
     */
    DocumentReader(final JsonParser parser, final ParseLimits limits, final int lineOffset) {
        this.parser = parser;
        this.yaml = parser instanceof EventAwareYamlParser eventAware ? eventAware : null;
        this.limits = limits;
        this.lineOffset = lineOffset;
    }

    /** Reads the root mapping and checks that nothing but the end of input follows it. */
    Map<String, Object> readRootMapping() throws RejectedDocumentException {
        final JsonToken first = parser.nextToken();
        if (first == null) {
            throw new RejectedDocumentException(ErrorCode.NOT_A_MAPPING, "the document is empty");
        }
        checkTag();
        if (first != JsonToken.START_OBJECT) {
            throw rejectAtToken(
                    ErrorCode.NOT_A_MAPPING,
                    "the document's root is " + (first == JsonToken.START_ARRAY ? "a sequence" : "a scalar")
                            + ", not a mapping");
        }
        final Map<String, Object> root = readMapping(true);
        if (parser.nextToken() != null) {
            throw rejectAtToken(
                    ErrorCode.YAML_SYNTAX,
                    "content after the root mapping (a second YAML document needs front-matter fences)");
        }
        return root;
    }

    private Object readValue(final JsonToken token, final int maxElements) throws RejectedDocumentException {
        if (token == null) {
            throw rejectAtToken(ErrorCode.YAML_SYNTAX, "unexpected end of input");
        }
        checkTag();
        final String anchor = yaml == null ? null : yaml.currentAnchor();
        final long before = weight;
        final Object value = switch (token) {
            case START_OBJECT -> readMapping(false);
            case START_ARRAY -> readSequence(maxElements);
            case VALUE_STRING -> {
                final String alias = yaml == null ? null : yaml.currentAlias();
                if (alias != null) {
                    yield expand(alias);
                }
                yield string(parser.getString());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                weight++;
                yield parser.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                weight++;
                yield token == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                weight++;
                yield null;
            }
            default -> throw rejectAtToken(ErrorCode.YAML_SYNTAX, "unexpected " + token);
        };
        if (anchor != null) {
            if (anchors == null) {
                anchors = new HashMap<>();
            }
            anchors.put(anchor, new Anchored(value, weight - before));
        }
        return value;
    }

    private Map<String, Object> readMapping(final boolean root) throws RejectedDocumentException {
        weight++;
        final Map<String, Object> mapping = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            checkTag();
            final String name = string(parser.currentName());
            // Only the root's related list has a count limit; elsewhere size is bounded by the document.
            final int maxElements = root && name.equals("related") ? limits.maxRelated() : Integer.MAX_VALUE;
            final Object value = readValue(parser.nextToken(), maxElements);
            mapping.put(name, value);
        }
        if (token != JsonToken.END_OBJECT) {
            throw rejectAtToken(ErrorCode.YAML_SYNTAX, "unexpected " + token + " in a mapping");
        }
        return Collections.unmodifiableMap(mapping);
    }

    private List<Object> readSequence(final int maxElements) throws RejectedDocumentException {
        weight++;
        final List<Object> sequence = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw rejectAtToken(ErrorCode.YAML_SYNTAX, "unexpected end of input in a sequence");
            }
            if (sequence.size() == maxElements) {
                throw limitExceeded("more than " + maxElements + " related entries", ParseLimits.MAX_RELATED);
            }
            sequence.add(readValue(token, Integer.MAX_VALUE));
        }
        return Collections.unmodifiableList(sequence);
    }

    /**
     * Aliases share the anchored value instead of copying it, so memory stays proportional to the
     * document; the expanded size is still bounded because consumers (serializers, metrics) walk the
     * expansion.
     */
    private Object expand(final String alias) throws RejectedDocumentException {
        aliases++;
        if (aliases > limits.maxAliases()) {
            throw limitExceeded("more than " + limits.maxAliases() + " YAML aliases", ParseLimits.MAX_ALIASES);
        }
        final Anchored anchored = anchors == null ? null : anchors.get(alias);
        if (anchored == null) {
            throw rejectAtToken(ErrorCode.YAML_SYNTAX, "alias to an undefined anchor");
        }
        aliasWeight += anchored.weight();
        weight += anchored.weight();
        if (aliasWeight > limits.maxDocumentBytes()) {
            throw limitExceeded(
                    "YAML aliases expand to more than " + limits.maxDocumentBytes() + " units of content",
                    ParseLimits.MAX_ALIASES);
        }
        return anchored.value();
    }

    private String string(final String value) throws RejectedDocumentException {
        if (value.length() > limits.maxStringLength()) {
            throw limitExceeded(
                    "a string is longer than " + limits.maxStringLength() + " chars", ParseLimits.MAX_STRING_LENGTH);
        }
        weight += 1 + value.length();
        return value;
    }

    private void checkTag() throws RejectedDocumentException {
        if (yaml == null) {
            return;
        }
        final String tag = yaml.currentTag();
        if (tag != null && !CORE_TAGS.contains(tag)) {
            final String shown = tag.length() > MAX_TAG_IN_MESSAGE ? tag.substring(0, MAX_TAG_IN_MESSAGE) + "…" : tag;
            throw rejectAtToken(
                    ErrorCode.UNSUPPORTED_TAG,
                    "YAML tag " + shown + " is not allowed: only the core schema's str, int, float, bool, null,"
                            + " map and seq");
        }
    }

    private RejectedDocumentException limitExceeded(final String what, final String property) {
        final TokenStreamLocation location = parser.currentTokenLocation();
        return new RejectedDocumentException(
                ErrorCode.LIMIT_EXCEEDED,
                "limit exceeded: " + what + " (" + property + ")",
                line(location),
                column(location),
                null);
    }

    private RejectedDocumentException rejectAtToken(final ErrorCode code, final String message) {
        final TokenStreamLocation location = parser.currentTokenLocation();
        return new RejectedDocumentException(code, message, line(location), column(location), null);
    }

    private int line(final TokenStreamLocation location) {
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
