package io.heatwire.support.contract;

/** Headers a producer of raw article records may set (SPEC 3, SPEC 12). */
public final class RawRecordHeaders {

    /**
     * When the document entered the pipeline, an ISO-8601 UTC instant in milliseconds; end-to-end
     * latency is measured from it (from the record timestamp when it is absent).
     */
    public static final String INGESTED_AT = "ingested-at";

    /** Where the document came from (a file path, a crawler name); dead letters and logs show it. */
    public static final String SOURCE = "source";

    /** SHA-256 of the document bytes, lowercase hex, as ingest-service computed it. */
    public static final String CONTENT_SHA256 = "content-sha256";

    private RawRecordHeaders() {}
}
