package io.heatwire.enrich.parsing;

import java.util.List;

import io.heatwire.article.story.Story;

/** The outcome of parsing one raw record. */
public sealed interface ParseResult {

    /** The ARTICLE story first, then its REFERENCE stories. */
    record Accepted(List<Story> stories) implements ParseResult {}

    /** The original bytes, for the dead-letter topic; the error travels in the record's headers. */
    record Rejected(byte[] original, String code) implements ParseResult {}
}
