package io.heatwire.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.heatwire.ingest.check.CheckResult;
import io.heatwire.ingest.check.DocumentChecks;
import io.heatwire.ingest.check.Rejection;
import io.heatwire.ingest.check.RejectionCode;
import io.heatwire.ingest.config.IngestProperties;
import io.heatwire.ingest.metrics.Channel;
import io.heatwire.ingest.metrics.IngestMetrics;
import io.heatwire.ingest.publish.ArticlePublisher;
import io.heatwire.ingest.publish.Published;
import io.heatwire.ingest.publish.SendFailures;

/**
 * {@code POST /api/articles}: the raw document as the body, any content type. Answers 202 once the
 * broker acknowledged it, so a client that got 202 knows the document is on the topic.
 */
@RestController
class ArticleController {

    static final String PATH = "/api/articles";
    static final String SOURCE_ID_HEADER = "X-Source-Id";
    static final String SOURCE_HEADER = "X-Source";

    private static final Logger log = LoggerFactory.getLogger(ArticleController.class);
    private static final String BEARER = "Bearer ";

    /** 202 body. */
    record Accepted(String topic, int partition, long offset, String contentSha256) {}

    /** Error body. */
    record Problem(String code, String reason) {}

    private final DocumentChecks checks;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final IngestProperties.Http http;
    private final byte[] token;

    ArticleController(
            DocumentChecks checks, ArticlePublisher publisher, IngestMetrics metrics, IngestProperties properties) {
        this.checks = checks;
        this.publisher = publisher;
        this.metrics = metrics;
        this.http = properties.ingest().http();
        this.token = properties.ingest().token().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> publish(
            HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = SOURCE_ID_HEADER, required = false) String sourceId,
            @RequestHeader(name = SOURCE_HEADER, required = false) String source)
            throws IOException {
        if (!authorized(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(new Problem("UNAUTHORIZED", "a valid 'Authorization: Bearer <token>' header is required"));
        }
        // Refuse a body declared too large before reading a byte of it.
        final long declared = request.getContentLengthLong();
        if (declared >= 0) {
            final Optional<Rejection> bySize = checks.checkSize(declared, "body");
            if (bySize.isPresent()) {
                return rejected(bySize.get(), declared, request);
            }
        }
        final CheckResult result;
        try (InputStream body = request.getInputStream()) {
            result = checks.read(body, "body");
        }
        if (result instanceof CheckResult.Rejected) {
            return rejected(((CheckResult.Rejected) result).rejection(), Math.max(declared, 0), request);
        }
        final byte[] bytes = ((CheckResult.Accepted) result).bytes();
        final String origin = source != null && !source.isBlank() ? source : "http:" + request.getRemoteAddr();
        final String key = sourceId != null && !sourceId.isBlank() ? sourceId : null;
        try {
            final Published published =
                    publisher.publish(bytes, key, origin).get(http.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            metrics.published(Channel.HTTP, bytes.length);
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new Accepted(
                            published.topic(), published.partition(), published.offset(), published.contentSha256()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(bytes.length, "interrupted while waiting for the broker");
        } catch (TimeoutException e) {
            return unavailable(bytes.length, "the broker did not acknowledge within " + http.sendTimeout());
        } catch (ExecutionException e) {
            return unavailable(bytes.length, SendFailures.describe(e));
        }
    }

    /** Constant-time comparison, so response timing says nothing about how much of a guess was right. */
    private boolean authorized(String authorization) {
        if (token.length == 0) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        final byte[] presented =
                authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, presented);
    }

    private ResponseEntity<Object> rejected(Rejection rejection, long size, HttpServletRequest request) {
        metrics.rejected(Channel.HTTP, rejection.code(), size);
        log.warn("Rejected document posted from {}: {}", request.getRemoteAddr(), rejection);
        final HttpStatus status =
                rejection.code() == RejectionCode.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new Problem(rejection.code().name(), rejection.reason()));
    }

    private ResponseEntity<Object> unavailable(int size, String reason) {
        metrics.failed(Channel.HTTP, size);
        log.warn("Posted document not published: {}", reason);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, http.retryAfter().toSeconds())))
                .body(new Problem("BROKER_UNAVAILABLE", reason));
    }
}
