package io.heatwire.article.story;

/** Where a story's content comes from (SPEC 6). An {@code ARTICLE} always beats a {@code REFERENCE}. */
public enum StoryKind {
    /** Built from what another article's related entry says about it. */
    REFERENCE,
    /** Built from the story's own article document. */
    ARTICLE
}
