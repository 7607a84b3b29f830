package io.heatwire.ingest.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.heatwire.ingest.check.RejectionCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * heatwire's own ingest metrics. Every series is registered up front so dashboards and alert rules
 * see zeros instead of missing data before the first document arrives.
 */
public final class IngestMetrics {

    public static final String DOCUMENTS = "heatwire.ingest.documents";
    public static final String BYTES = "heatwire.ingest.bytes";
    public static final String REJECTIONS = "heatwire.ingest.rejections";

    /** What happened to a document. */
    public enum Result {
        PUBLISHED,
        REJECTED,
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Channel, Map<Result, Counter>> documents = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<Result, Counter>> bytes = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<RejectionCode, Counter>> rejections = new EnumMap<>(Channel.class);

    public IngestMetrics(MeterRegistry registry) {
        for (final Channel channel : Channel.values()) {
            final Map<Result, Counter> documentCounters = new EnumMap<>(Result.class);
            final Map<Result, Counter> byteCounters = new EnumMap<>(Result.class);
            for (final Result result : Result.values()) {
                documentCounters.put(result, Counter.builder(DOCUMENTS)
                        .description("Documents handed to ingest-service, by channel and result")
                        .tag("channel", channel.tag())
                        .tag("result", result.tag())
                        .register(registry));
                byteCounters.put(result, Counter.builder(BYTES)
                        .description("Bytes of the documents handed to ingest-service, by channel and result")
                        .baseUnit("bytes")
                        .tag("channel", channel.tag())
                        .tag("result", result.tag())
                        .register(registry));
            }
            final Map<RejectionCode, Counter> rejectionCounters = new EnumMap<>(RejectionCode.class);
            for (final RejectionCode code : RejectionCode.values()) {
                rejectionCounters.put(code, Counter.builder(REJECTIONS)
                        .description("Documents refused by the cheap local checks, by channel and code")
                        .tag("channel", channel.tag())
                        .tag("code", code.name())
                        .register(registry));
            }
            documents.put(channel, documentCounters);
            bytes.put(channel, byteCounters);
            rejections.put(channel, rejectionCounters);
        }
    }

    public void published(Channel channel, long size) {
        count(channel, Result.PUBLISHED, size);
    }

    /** {@code size} is what is known of the document: the bytes read, or the declared size. */
    public void rejected(Channel channel, RejectionCode code, long size) {
        count(channel, Result.REJECTED, size);
        rejections.get(channel).get(code).increment();
    }

    public void failed(Channel channel, long size) {
        count(channel, Result.FAILED, size);
    }

    private void count(Channel channel, Result result, long size) {
        documents.get(channel).get(result).increment();
        bytes.get(channel).get(result).increment(Math.max(0, size));
    }
}
