package io.heatwire.ingest.metrics;

import java.util.Locale;

/** The ways a document enters ingest-service; a metric tag, so the set stays small. */
public enum Channel {
    CLI,
    SPOOL,
    HTTP;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
