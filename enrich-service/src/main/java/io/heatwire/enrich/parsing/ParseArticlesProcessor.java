package io.heatwire.enrich.parsing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.heatwire.article.parse.ArticleParser;
import io.heatwire.article.parse.ParsedArticle;
import io.heatwire.article.parse.RejectedDocumentException;
import io.heatwire.article.story.SourceVersion;
import io.heatwire.article.story.Stories;
import io.heatwire.article.story.Story;
import io.heatwire.enrich.deadletter.DeadLetters;
import io.heatwire.enrich.metrics.PipelineMetrics;
import io.heatwire.support.contract.RawRecordHeaders;

/**
 * Parses each raw document exactly once. An accepted document becomes its stories; a rejected one
 * keeps its original bytes and gets the dead-letter headers (SPEC 4).
 */
public final class ParseArticlesProcessor implements Processor<byte[], byte[], byte[], ParseResult> {

    private static final Logger LOG = LoggerFactory.getLogger(ParseArticlesProcessor.class);

    private final ArticleParser parser;
    private final int deadLetterMaxValueBytes;
    private final PipelineMetrics metrics;
    private ProcessorContext<byte[], ParseResult> context;

    public ParseArticlesProcessor(ArticleParser parser, int deadLetterMaxValueBytes, PipelineMetrics metrics) {
        this.parser = parser;
        this.deadLetterMaxValueBytes = deadLetterMaxValueBytes;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], ParseResult> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        final byte[] document = record.value() == null ? new byte[0] : record.value();
        try {
            final ParsedArticle article = parser.parse(document);
            final List<Story> stories = Stories.from(article, SourceVersion.sha256Hex(document), ingestedAt(record));
            metrics.parsed(article);
            context.forward(record.withValue(new ParseResult.Accepted(stories)));
        } catch (RejectedDocumentException e) {
            final String code = e.code().name();
            final Integer line = e.line() == RejectedDocumentException.UNKNOWN ? null : e.line();
            final Integer column = e.column() == RejectedDocumentException.UNKNOWN ? null : e.column();
            final RecordMetadata source = context.recordMetadata().orElse(null);
            metrics.deadLetter(code);
            // The message never quotes the document, so it is safe to log (no `secured` value).
            LOG.warn("dead-lettering {} from {}: {}", code, describe(source, record), e.getMessage());
            final Headers headers = DeadLetters.headers(
                    record.headers(),
                    new DeadLetters.Failure(code, e.getMessage(), line, column),
                    source == null ? null : source.topic(),
                    source == null ? -1 : source.partition(),
                    source == null ? -1 : source.offset());
            final byte[] original = DeadLetters.fitted(document, deadLetterMaxValueBytes, headers);
            context.forward(
                    record.withValue(new ParseResult.Rejected(original, code)).withHeaders(headers));
        }
    }

    private static String describe(RecordMetadata source, Record<byte[], byte[]> record) {
        final Header origin = record.headers().lastHeader(RawRecordHeaders.SOURCE);
        final String where = source == null ? "?" : source.topic() + "-" + source.partition() + "@" + source.offset();
        return origin == null ? where : where + " (source " + new String(origin.value(), StandardCharsets.UTF_8) + ")";
    }

    static Instant ingestedAt(Record<?, ?> record) {
        final Header header = record.headers().lastHeader(RawRecordHeaders.INGESTED_AT);
        if (header != null) {
            try {
                return Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // a malformed header falls back to the record's timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }
}
