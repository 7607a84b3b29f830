package io.heatwire.enrich.clustering;

/** What a story version says about its id: the article itself, or what another article says of it. */
public enum Kind {
    REFERENCE,
    ARTICLE
}
