package io.heatwire.ingest.check;

/** Stable codes for documents refused before they reach Kafka; operators alert and search on them. */
public enum RejectionCode {
    EMPTY,
    TOO_LARGE,
    NOT_UTF8,
    BINARY,
    NOT_A_DOCUMENT
}
