package io.heatwire.support.contract;

/**
 * The dead-letter record format (SPEC 4): the original key, value and headers, plus these error
 * headers. Parser failures carry the parser's error code; the codes here name failures outside
 * the parser.
 */
public final class DeadLetterHeaders {

    /** Every error header starts with it; a replayed record's old error headers are replaced. */
    public static final String PREFIX = "heatwire-error";

    public static final String CODE = "heatwire-error-code";
    public static final String MESSAGE = "heatwire-error-message";
    public static final String LINE = "heatwire-error-line";
    public static final String COLUMN = "heatwire-error-column";
    public static final String SOURCE_TOPIC = "heatwire-error-source-topic";
    public static final String SOURCE_PARTITION = "heatwire-error-source-partition";
    public static final String SOURCE_OFFSET = "heatwire-error-source-offset";
    public static final String ORIGINAL_OMITTED = "heatwire-error-original-omitted";

    /** A record the topology failed on for a reason other than its document. */
    public static final String PROCESSING_ERROR = "PROCESSING_ERROR";
    /** An output record the broker refused (too large, for example). */
    public static final String OUTPUT_REJECTED = "OUTPUT_REJECTED";
    /** A record whose bytes could not even be read as a key and value. */
    public static final String UNREADABLE_RECORD = "UNREADABLE_RECORD";

    private DeadLetterHeaders() {}
}
