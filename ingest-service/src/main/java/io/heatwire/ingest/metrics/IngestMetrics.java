package io.heatwire.ingest.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.heatwire.ingest.check.RejectionCode;

/**
 * heatwire's own ingest metrics. Every series is registered up front so dashboards and alert rules
 * see zeros instead of missing data before the first document arrives.
 */
public final class IngestMetrics {

    public static final String DOCUMENTS = "heatwire.ingest.documents";
    public static final String BYTES = "heatwire.ingest.bytes";
    public static final String REJECTIONS = "heatwire.ingest.rejections";
    /** Files waiting in the spool directory after the last poll (Prometheus: {@code _files}). */
    public static final String SPOOL_BACKLOG = "heatwire.ingest.spool.backlog";
    /** Age of the oldest file waiting in the spool directory, 0 when none waits (Prometheus: {@code _seconds}). */
    public static final String SPOOL_OLDEST_AGE = "heatwire.ingest.spool.oldest.age";

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
    private final Clock clock;
    private volatile SpoolBacklog spoolBacklog = SpoolBacklog.EMPTY;

    /** What the spool directory held after a poll: how many files wait, and when the oldest was last modified. */
    private record SpoolBacklog(int files, Instant oldestModified) {
        static final SpoolBacklog EMPTY = new SpoolBacklog(0, null);
    }

    public IngestMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    public IngestMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (final Channel channel : Channel.values()) {
            final Map<Result, Counter> documentCounters = new EnumMap<>(Result.class);
            final Map<Result, Counter> byteCounters = new EnumMap<>(Result.class);
            for (final Result result : Result.values()) {
                documentCounters.put(
                        result,
                        Counter.builder(DOCUMENTS)
                                .description("Documents handed to ingest-service, by channel and result")
                                .tag("channel", channel.tag())
                                .tag("result", result.tag())
                                .register(registry));
                byteCounters.put(
                        result,
                        Counter.builder(BYTES)
                                .description("Bytes of the documents handed to ingest-service, by channel and result")
                                .baseUnit("bytes")
                                .tag("channel", channel.tag())
                                .tag("result", result.tag())
                                .register(registry));
            }
            final Map<RejectionCode, Counter> rejectionCounters = new EnumMap<>(RejectionCode.class);
            for (final RejectionCode code : RejectionCode.values()) {
                rejectionCounters.put(
                        code,
                        Counter.builder(REJECTIONS)
                                .description("Documents refused by the cheap local checks, by channel and code")
                                .tag("channel", channel.tag())
                                .tag("code", code.name())
                                .register(registry));
            }
            documents.put(channel, documentCounters);
            bytes.put(channel, byteCounters);
            rejections.put(channel, rejectionCounters);
        }
        Gauge.builder(SPOOL_BACKLOG, this, metrics -> metrics.spoolBacklog.files())
                .description("Files waiting in the spool directory after the last poll")
                .baseUnit("files")
                .register(registry);
        // The age grows between polls too: it is computed when scraped, not when polled.
        Gauge.builder(SPOOL_OLDEST_AGE, this, IngestMetrics::oldestSpoolFileAgeSeconds)
                .description("Age of the oldest file waiting in the spool directory (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    /**
     * What a spool poll left behind: files not yet settled, over the per-poll limit, or whose send
     * failed. {@code oldestModified} is the oldest one's modification time, or null when none waits.
     */
    public void spoolBacklog(int files, Instant oldestModified) {
        spoolBacklog =
                files == 0 || oldestModified == null ? SpoolBacklog.EMPTY : new SpoolBacklog(files, oldestModified);
    }

    private double oldestSpoolFileAgeSeconds() {
        final SpoolBacklog backlog = spoolBacklog;
        if (backlog.oldestModified() == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(backlog.oldestModified(), clock.instant()).toMillis() / 1000.0);
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
