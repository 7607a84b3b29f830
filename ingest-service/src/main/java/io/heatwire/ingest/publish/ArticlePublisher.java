package io.heatwire.ingest.publish;

import java.util.concurrent.CompletableFuture;

/** Sends one raw document to the raw topic; the future completes when the broker acknowledged it. */
public interface ArticlePublisher {

    /**
     * @param bytes the document exactly as read; never re-encoded
     * @param key the source id, or {@code null}
     * @param source where the document came from (a file path, a crawler URL)
     */
    CompletableFuture<Published> publish(byte[] bytes, String key, String source);

    String topic();
}
