package io.heatwire.ingest.publish;

/** Where the broker stored a document, once it acknowledged it. */
public record Published(String topic, int partition, long offset, String contentSha256) {}
